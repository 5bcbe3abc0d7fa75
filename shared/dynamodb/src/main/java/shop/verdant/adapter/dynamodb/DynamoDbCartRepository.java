package shop.verdant.adapter.dynamodb;

import static shop.verdant.adapter.dynamodb.Attr.l;
import static shop.verdant.adapter.dynamodb.Attr.m;
import static shop.verdant.adapter.dynamodb.Attr.n;
import static shop.verdant.adapter.dynamodb.Attr.num;
import static shop.verdant.adapter.dynamodb.Attr.s;
import static shop.verdant.adapter.dynamodb.Attr.str;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import shop.verdant.application.shopping.port.CartRepository;
import shop.verdant.domain.common.ConflictException;
import shop.verdant.domain.shopping.Cart;
import shop.verdant.domain.shopping.CartLine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Carts, one item each, expiring by TTL. DynamoDB deletes expired items late (up to days), so a cart past
 * its {@code ttl} reads as empty (keeping its version, so the next write replaces it).
 */
public final class DynamoDbCartRepository implements CartRepository {
    private final DynamoDbClient client;
    private final String table;
    private final Clock clock;

    public DynamoDbCartRepository(DynamoDbClient client, String table, Clock clock) {
        this.client = client;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Optional<Cart> find(String cartId) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).key(Map.of("cartId", s(cartId)))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        long version = num(item, "version");
        if (num(item, "ttl") <= clock.instant().getEpochSecond()) {
            return Optional.of(new Cart(cartId, List.of(), null, version));
        }
        List<CartLine> lines = new ArrayList<>();
        for (AttributeValue v : item.getOrDefault("lines", l(List.of())).l()) {
            Map<String, AttributeValue> line = v.m();
            lines.add(new CartLine(str(line, "productId"), (int) num(line, "quantity"), num(line, "seenPriceMinor"),
                    Instant.parse(str(line, "addedAt"))));
        }
        String updated = str(item, "updatedAt");
        return Optional.of(new Cart(cartId, lines, updated == null ? null : Instant.parse(updated), version));
    }

    @Override
    public void saveConsuming(Cart merged, Instant expiresAt, Cart consumed) {
        Map<String, AttributeValue> item = toItem(merged, expiresAt);
        var put = software.amazon.awssdk.services.dynamodb.model.Put.builder().tableName(table).item(item);
        if (merged.version() == 0) {
            put.conditionExpression("attribute_not_exists(cartId)");
        } else {
            put.conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", n(merged.version())));
        }
        var delete = software.amazon.awssdk.services.dynamodb.model.Delete.builder().tableName(table)
                .key(Map.of("cartId", s(consumed.cartId())))
                .conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", n(consumed.version())));
        try {
            client.transactWriteItems(b -> b.transactItems(
                    software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().put(put.build()).build(),
                    software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().delete(delete.build()).build()));
        } catch (software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException e) {
            throw new ConflictException("A cart changed meanwhile.");
        }
    }

    @Override
    public void save(Cart cart, Instant expiresAt) {
        Map<String, AttributeValue> item = toItem(cart, expiresAt);
        try {
            if (cart.version() == 0) {
                client.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(cartId)"));
            } else {
                client.putItem(b -> b.tableName(table).item(item).conditionExpression("version = :v")
                        .expressionAttributeValues(Map.of(":v", n(cart.version()))));
            }
        } catch (ConditionalCheckFailedException e) {
            throw new ConflictException("The cart changed meanwhile.");
        }
    }

    private Map<String, AttributeValue> toItem(Cart cart, Instant expiresAt) {
        List<AttributeValue> lines = new ArrayList<>();
        for (CartLine line : cart.lines()) {
            lines.add(m(Map.of("productId", s(line.productId()), "quantity", n(line.quantity()),
                    "seenPriceMinor", n(line.seenPriceMinor()), "addedAt", s(line.addedAt().toString()))));
        }
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("cartId", s(cart.cartId()));
        item.put("lines", l(lines));
        item.put("updatedAt", s((cart.updatedAt() == null ? clock.instant() : cart.updatedAt()).toString()));
        item.put("version", n(cart.version() + 1));
        item.put("ttl", n(expiresAt.getEpochSecond()));
        return item;
    }

    @Override
    public void delete(String cartId) {
        client.deleteItem(b -> b.tableName(table).key(Map.of("cartId", s(cartId))));
    }
}

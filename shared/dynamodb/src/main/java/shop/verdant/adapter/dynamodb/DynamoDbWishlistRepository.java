package shop.verdant.adapter.dynamodb;

import static shop.verdant.adapter.dynamodb.Attr.s;
import static shop.verdant.adapter.dynamodb.Attr.str;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import shop.verdant.application.shopping.port.WishlistRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Wishlists: one item per (userId, productId); a user's list is one Query. */
public final class DynamoDbWishlistRepository implements WishlistRepository {
    private final DynamoDbClient client;
    private final String table;

    public DynamoDbWishlistRepository(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public List<Entry> list(String userId) {
        List<Entry> out = new ArrayList<>();
        client.queryPaginator(b -> b.tableName(table).keyConditionExpression("userId = :u")
                        .expressionAttributeValues(Map.of(":u", s(userId))).consistentRead(true))
                .items().forEach(item -> out.add(new Entry(str(item, "productId"), Instant.parse(str(item, "addedAt")))));
        out.sort(Comparator.comparing(Entry::addedAt).reversed());
        return out;
    }

    @Override
    public void add(String userId, String productId, Instant at) {
        try {
            client.putItem(b -> b.tableName(table)
                    .item(Map.of("userId", s(userId), "productId", s(productId), "addedAt", s(at.toString())))
                    .conditionExpression("attribute_not_exists(productId)"));
        } catch (ConditionalCheckFailedException alreadyThere) {
            // keeps the first date
        }
    }

    @Override
    public void remove(String userId, String productId) {
        client.deleteItem(b -> b.tableName(table).key(Map.of("userId", s(userId), "productId", s(productId))));
    }
}

package shop.verdant.adapter.dynamodb;

import static shop.verdant.adapter.dynamodb.Attr.m;
import static shop.verdant.adapter.dynamodb.Attr.n;
import static shop.verdant.adapter.dynamodb.Attr.num;
import static shop.verdant.adapter.dynamodb.Attr.s;
import static shop.verdant.adapter.dynamodb.Attr.str;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import shop.verdant.application.catalog.port.ProductRepository;
import shop.verdant.domain.catalog.Product;
import shop.verdant.domain.catalog.ProductStatus;
import shop.verdant.domain.catalog.Seo;
import shop.verdant.domain.common.ConflictException;
import shop.verdant.domain.common.Money;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The Products table, item by item: times are ISO-8601 strings (so the byMerchant index sorts by creation),
 * money is {@code priceMinor} + {@code currency}, and {@code version} guards every write (a save from a stale
 * read fails instead of overwriting what moved meanwhile, stock included).
 */
public final class DynamoDbProductRepository implements ProductRepository {
    private final DynamoDbClient client;
    private final String table;

    public DynamoDbProductRepository(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public Optional<Product> find(String productId) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).key(Map.of("productId", s(productId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toDomain(item));
    }

    /** One BatchGetItem per 100 ids, strongly consistent (prices and stock must be current); unprocessed keys are asked again. */
    @Override
    public Map<String, Product> findMany(Collection<String> productIds) {
        Map<String, Product> out = new LinkedHashMap<>();
        List<String> ids = productIds.stream().distinct().toList();
        for (int from = 0; from < ids.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            ids.subList(from, Math.min(ids.size(), from + 100)).forEach(id -> keys.add(Map.of("productId", s(id))));
            Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            for (int attempt = 0; !pending.isEmpty() && attempt < 10; attempt++) {
                Map<String, KeysAndAttributes> ask = pending;
                var answer = client.batchGetItem(b -> b.requestItems(ask));
                answer.responses().getOrDefault(table, List.of()).forEach(item -> out.put(str(item, "productId"), toDomain(item)));
                pending = answer.hasUnprocessedKeys() ? answer.unprocessedKeys() : Map.of();
            }
            if (!pending.isEmpty()) {
                throw new IllegalStateException("DynamoDB left product reads unprocessed after 10 attempts");
            }
        }
        return out;
    }

    @Override
    public void save(Product product) {
        Map<String, AttributeValue> item = toItem(product);
        try {
            if (product.version() == 0) {
                client.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(productId)"));
            } else {
                client.putItem(b -> b.tableName(table).item(item).conditionExpression("version = :v")
                        .expressionAttributeValues(Map.of(":v", n(product.version()))));
            }
        } catch (ConditionalCheckFailedException e) {
            throw new ConflictException("Product " + product.productId() + " was changed by someone else; reload it and try again.");
        }
    }

    /**
     * Writes new products 25 to a BatchWriteItem, retrying what comes back unprocessed: for seeding a catalog
     * (the local shop's demo and synthetic catalogs), never for a product that may already exist.
     */
    public void seed(List<Product> products) {
        for (int i = 0; i < products.size(); i += 25) {
            List<software.amazon.awssdk.services.dynamodb.model.WriteRequest> writes = new ArrayList<>();
            for (Product p : products.subList(i, Math.min(products.size(), i + 25))) {
                writes.add(software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
                        .putRequest(r -> r.item(toItem(p))).build());
            }
            Map<String, List<software.amazon.awssdk.services.dynamodb.model.WriteRequest>> pending = Map.of(table, writes);
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt > 0) {
                    try {
                        Thread.sleep(Math.min(1_000, 20L << Math.min(attempt, 6)));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", e);
                    }
                }
                Map<String, List<software.amazon.awssdk.services.dynamodb.model.WriteRequest>> ask = pending;
                pending = client.batchWriteItem(b -> b.requestItems(ask)).unprocessedItems();
            }
        }
    }

    /** Every product, to rebuild the search snapshot: the one Scan, never on a request path. */
    @Override
    public List<Product> listAllForSnapshot() {
        List<Product> out = new ArrayList<>();
        client.scanPaginator(b -> b.tableName(table)).items().forEach(item -> out.add(toDomain(item)));
        return out;
    }

    /** The item a save writes: the stored version is one more than the product's. */
    static Map<String, AttributeValue> toItem(Product p) {
        Map<String, AttributeValue> i = new HashMap<>();
        i.put("productId", s(p.productId()));
        put(i, "merchantId", p.merchantId());
        put(i, "sku", p.sku());
        put(i, "name", p.name());
        put(i, "description", p.description());
        put(i, "brandId", p.brandId());
        put(i, "colour", p.colour());
        put(i, "categoryId", p.categoryId());
        if (!p.attributes().isEmpty()) {
            Map<String, AttributeValue> attributes = new HashMap<>();
            p.attributes().forEach((k, v) -> attributes.put(k, s(v)));
            i.put("attributes", m(attributes));
        }
        i.put("priceMinor", n(p.price().minor()));
        i.put("currency", s(p.price().currency()));
        i.put("stockAvailable", n(p.stockAvailable()));
        i.put("stockReserved", n(p.stockReserved()));
        i.put("status", s(p.status().name()));
        if (!p.images().isEmpty()) {
            i.put("images", AttributeValue.fromL(p.images().stream().map(Attr::s).toList()));
        }
        if (p.seo() != null) {
            Map<String, AttributeValue> seo = new HashMap<>();
            put(seo, "slug", p.seo().slug());
            put(seo, "title", p.seo().title());
            put(seo, "description", p.seo().description());
            i.put("seo", m(seo));
        }
        put(i, "createdAt", p.createdAt() == null ? null : p.createdAt().toString());
        put(i, "updatedAt", p.updatedAt() == null ? null : p.updatedAt().toString());
        put(i, "updatedBy", p.updatedBy());
        i.put("version", n(p.version() + 1));
        return i;
    }

    static Product toDomain(Map<String, AttributeValue> i) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (i.containsKey("attributes")) {
            i.get("attributes").m().forEach((k, v) -> attributes.put(k, v.s()));
        }
        List<String> images = i.containsKey("images") ? i.get("images").l().stream().map(AttributeValue::s).toList() : List.of();
        Seo seo = null;
        if (i.containsKey("seo")) {
            Map<String, AttributeValue> m = i.get("seo").m();
            seo = new Seo(str(m, "slug"), str(m, "title"), str(m, "description"));
        }
        return new Product(str(i, "productId"), str(i, "merchantId"), str(i, "sku"), str(i, "name"), str(i, "description"),
                str(i, "brandId"), str(i, "colour"), str(i, "categoryId"), attributes,
                Money.of(num(i, "priceMinor"), str(i, "currency")), num(i, "stockAvailable"), num(i, "stockReserved"),
                ProductStatus.valueOf(str(i, "status")), images, seo, instant(str(i, "createdAt")),
                instant(str(i, "updatedAt")), str(i, "updatedBy"), num(i, "version"));
    }

    private static void put(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    private static Instant instant(String iso) {
        return iso == null ? null : Instant.parse(iso);
    }
}

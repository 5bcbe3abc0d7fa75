package shop.verdant.adapter.dynamodb;

import static shop.verdant.adapter.dynamodb.Attr.m;
import static shop.verdant.adapter.dynamodb.Attr.n;
import static shop.verdant.adapter.dynamodb.Attr.num;
import static shop.verdant.adapter.dynamodb.Attr.s;
import static shop.verdant.adapter.dynamodb.Attr.str;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import shop.verdant.application.backoffice.EntityTags;
import shop.verdant.application.backoffice.port.MerchantCatalogStore;
import shop.verdant.domain.backoffice.StockMovement;
import shop.verdant.domain.catalog.Product;
import shop.verdant.domain.common.ConflictException;
import shop.verdant.domain.common.NotFoundException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The back office's writes to Products, ProductSkus and StockMovements. A listing change is an UpdateItem of the
 * listing's attributes only ({@code ADD revision, version}), conditioned on the merchant and the revision the
 * merchant read; a stock move an UpdateItem of {@code stockAvailable} conditioned on the level read, with its
 * movement put in the same transaction. Nothing here writes {@code stockReserved} or {@code stockSold}.
 */
public final class DynamoDbMerchantCatalog implements MerchantCatalogStore {
    private static final List<String> CURSOR = List.of("createdAt", "productId");

    private final DynamoDbClient client;
    private final String products;
    private final String skus;
    private final String movements;

    public DynamoDbMerchantCatalog(DynamoDbClient client, String products, String skus, String movements) {
        this.client = client;
        this.products = products;
        this.skus = skus;
        this.movements = movements;
    }

    @Override
    public Page list(String merchantId, Filter filter, int limit, String cursor) {
        var page = FilteredPages.read(client, products, "byMerchant", "merchantId", merchantId, CURSOR, item -> matches(item, filter),
                DynamoDbMerchantCatalog::listing, limit, cursor);
        return new Page(page.items(), page.nextCursor());
    }

    private static boolean matches(Map<String, AttributeValue> item, Filter f) {
        if (f.status() != null && !f.status().equals(str(item, "status"))) {
            return false;
        }
        if (f.stockBelow() != null && num(item, "stockAvailable") >= f.stockBelow()) {
            return false;
        }
        if (f.text() != null) {
            String name = str(item, "name");
            String sku = str(item, "sku");
            return (name != null && name.toLowerCase(Locale.ROOT).contains(f.text()))
                    || (sku != null && sku.toLowerCase(Locale.ROOT).contains(f.text()));
        }
        return true;
    }

    @Override
    public Optional<Listing> find(String productId) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(products).key(Map.of("productId", s(productId)))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(listing(item));
    }

    private static Listing listing(Map<String, AttributeValue> item) {
        return new Listing(DynamoDbProductRepository.toDomain(item), Math.max(1, num(item, "revision")), str(item, "moderatedBecause"));
    }

    /** One BatchGetItem per 100 SKUs, strongly consistent; unprocessed keys asked again. */
    @Override
    public Map<String, String> productIdsForSkus(String merchantId, java.util.Collection<String> skus) {
        Map<String, String> bySku = new HashMap<>();
        Map<String, String> byKey = new HashMap<>();
        skus.forEach(sku -> byKey.put(guardKey(merchantId, sku), sku));
        List<String> keys = new ArrayList<>(byKey.keySet());
        for (int from = 0; from < keys.size(); from += 100) {
            List<Map<String, AttributeValue>> ask = keys.subList(from, Math.min(keys.size(), from + 100)).stream()
                    .map(k -> Map.of("merchantSku", s(k))).toList();
            Map<String, software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes> pending = Map.of(this.skus,
                    software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder().keys(ask).consistentRead(true).build());
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt > 20) {
                    throw new IllegalStateException("DynamoDB left SKU reads unprocessed");
                }
                var request = pending;
                var answer = client.batchGetItem(b -> b.requestItems(request));
                answer.responses().getOrDefault(this.skus, List.of()).forEach(i -> bySku.put(byKey.get(str(i, "merchantSku")), str(i, "productId")));
                pending = answer.hasUnprocessedKeys() ? answer.unprocessedKeys() : Map.of();
            }
        }
        return bySku;
    }

    static String guardKey(String merchantId, String sku) {
        return merchantId + "#" + sku.toUpperCase(Locale.ROOT);
    }

    private TransactWriteItem putGuard(Product p) {
        return TransactWriteItem.builder().put(b -> b.tableName(skus)
                .item(Map.of("merchantSku", s(guardKey(p.merchantId(), p.sku())), "productId", s(p.productId()),
                        "merchantId", s(p.merchantId())))
                .conditionExpression("attribute_not_exists(merchantSku)")).build();
    }

    private TransactWriteItem deleteGuard(String merchantId, String sku, String productId) {
        return TransactWriteItem.builder().delete(b -> b.tableName(skus).key(Map.of("merchantSku", s(guardKey(merchantId, sku))))
                // a product seeded before guards existed has none to delete
                .conditionExpression("attribute_not_exists(merchantSku) OR productId = :p")
                .expressionAttributeValues(Map.of(":p", s(productId)))).build();
    }

    private static ConflictException skuTaken(String sku) {
        return new ConflictException("sku-taken", "SKU in use",
                "You already have a product with SKU " + sku + "; a SKU names one product of yours.", Map.of("field", "sku"));
    }

    @Override
    public void create(Product product, StockMovement opening) {
        Map<String, AttributeValue> item = new HashMap<>(DynamoDbProductRepository.toItem(product));
        item.put("revision", n(1));
        item.put("stockSold", n(0));
        List<TransactWriteItem> items = new ArrayList<>(List.of(
                TransactWriteItem.builder().put(b -> b.tableName(products).item(item)
                        .conditionExpression("attribute_not_exists(productId)")).build(),
                putGuard(product)));
        if (opening != null) {
            items.add(TransactWriteItem.builder().put(b -> b.tableName(movements).item(movementItem(opening))).build());
        }
        Transact.run(client, items, null, reasons -> {
            if (Transact.failed(reasons.get(1))) {
                throw skuTaken(product.sku());
            }
            throw new IllegalStateException("product id " + product.productId() + " exists already");
        });
    }

    @Override
    public Listing update(Product p, String previousSku, long revision) {
        Map<String, String> names = new HashMap<>(Map.of("#name", "name", "#status", "status"));
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> set = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        setOrRemove(set, remove, values, "sku", p.sku());
        set.add("#name = :name");
        values.put(":name", s(p.name()));
        setOrRemove(set, remove, values, "description", p.description());
        setOrRemove(set, remove, values, "brandId", p.brandId());
        setOrRemove(set, remove, values, "colour", p.colour());
        setOrRemove(set, remove, values, "categoryId", p.categoryId());
        if (p.attributes().isEmpty()) {
            remove.add("attributes");
        } else {
            Map<String, AttributeValue> attributes = new HashMap<>();
            p.attributes().forEach((k, v) -> attributes.put(k, s(v)));
            set.add("attributes = :attributes");
            values.put(":attributes", m(attributes));
        }
        set.add("priceMinor = :price");
        values.put(":price", n(p.price().minor()));
        set.add("currency = :currency");
        values.put(":currency", s(p.price().currency()));
        set.add("#status = :status");
        values.put(":status", s(p.status().name()));
        if (p.seo() != null) {
            Map<String, AttributeValue> seo = new HashMap<>();
            if (p.seo().slug() != null) {
                seo.put("slug", s(p.seo().slug()));
            }
            if (p.seo().title() != null) {
                seo.put("title", s(p.seo().title()));
            }
            if (p.seo().description() != null) {
                seo.put("description", s(p.seo().description()));
            }
            set.add("seo = :seo");
            values.put(":seo", m(seo));
        }
        setOrRemove(set, remove, values, "updatedAt", p.updatedAt() == null ? null : p.updatedAt().toString());
        setOrRemove(set, remove, values, "updatedBy", p.updatedBy());
        values.put(":one", n(1));
        values.put(":merchant", s(p.merchantId()));
        values.put(":revision", n(revision));
        String expression = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove))
                + " ADD revision :one, version :one";
        String condition = "merchantId = :merchant AND " + (revision == 1
                ? "(attribute_not_exists(revision) OR revision = :revision)" : "revision = :revision");
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().update(b -> b.tableName(products).key(Map.of("productId", s(p.productId())))
                .updateExpression(expression).conditionExpression(condition)
                .expressionAttributeNames(names).expressionAttributeValues(values)).build());
        boolean skuMoves = previousSku != null && !guardKey(p.merchantId(), previousSku).equals(guardKey(p.merchantId(), p.sku()));
        if (skuMoves) {
            items.add(deleteGuard(p.merchantId(), previousSku, p.productId()));
            items.add(putGuard(p));
        }
        Transact.run(client, items, null, reasons -> {
            if (Transact.failed(reasons.get(0))) {
                throw stale(p.productId());
            }
            throw skuTaken(p.sku());
        });
        return find(p.productId()).orElseThrow(() -> new NotFoundException("No product " + p.productId() + " in your catalog."));
    }

    @Override
    public Listing arrangeImages(Product p, List<String> images, long revision, String actor, java.time.Instant at) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":one", n(1), ":merchant", s(p.merchantId()),
                ":revision", n(revision), ":at", s(at.toString()), ":by", s(actor)));
        String set;
        if (images.isEmpty()) {
            set = "SET updatedAt = :at, updatedBy = :by REMOVE images";
        } else {
            set = "SET updatedAt = :at, updatedBy = :by, images = :images";
            values.put(":images", Attr.l(images.stream().map(Attr::s).toList()));
        }
        try {
            client.updateItem(b -> b.tableName(products).key(Map.of("productId", s(p.productId())))
                    .updateExpression(set + " ADD revision :one, version :one")
                    .conditionExpression("merchantId = :merchant AND " + (revision == 1
                            ? "(attribute_not_exists(revision) OR revision = :revision)" : "revision = :revision"))
                    .expressionAttributeValues(values));
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException e) {
            throw stale(p.productId());
        }
        return find(p.productId()).orElseThrow(() -> new NotFoundException("No product " + p.productId() + " in your catalog."));
    }

    private RuntimeException stale(String productId) {
        return find(productId).map(l -> (RuntimeException) EntityTags.stale(l.revision()))
                .orElseGet(() -> new NotFoundException("No product " + productId + " in your catalog."));
    }

    private static void setOrRemove(List<String> set, List<String> remove, Map<String, AttributeValue> values, String name,
                                    String value) {
        if (value == null) {
            remove.add(name);
        } else {
            set.add(name + " = :" + name);
            values.put(":" + name, s(value));
        }
    }

    @Override
    public void delete(Product p, long revision) {
        String condition = "merchantId = :merchant AND #status = :draft AND stockReserved = :zero AND "
                + (revision == 1 ? "(attribute_not_exists(revision) OR revision = :revision)" : "revision = :revision");
        Map<String, String> names = Map.of("#status", "status");
        Map<String, AttributeValue> values = Map.of(":merchant", s(p.merchantId()), ":draft", s("DRAFT"), ":zero", n(0),
                ":revision", n(revision));
        // a removal names no attributes: stamp the item first (an update that changes nothing else), so the removed
        // item's last image says who deleted it
        try {
            client.updateItem(b -> b.tableName(products).key(Map.of("productId", s(p.productId())))
                    .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values));
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException e) {
            throw stale(p.productId());
        }
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().delete(b -> b.tableName(products).key(Map.of("productId", s(p.productId())))
                .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)).build());
        if (p.sku() != null) {
            items.add(deleteGuard(p.merchantId(), p.sku(), p.productId()));
        }
        Transact.run(client, items, null, reasons -> {
            throw stale(p.productId());
        });
    }

    /** Writes the SKU guards of seeded products (25 to a BatchWriteItem); an existing guard is overwritten with the same. */
    public void seedGuards(List<Product> seeded) {
        for (int i = 0; i < seeded.size(); i += 25) {
            List<software.amazon.awssdk.services.dynamodb.model.WriteRequest> writes = new ArrayList<>();
            for (Product p : seeded.subList(i, Math.min(seeded.size(), i + 25))) {
                writes.add(software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder().putRequest(r -> r.item(Map.of(
                        "merchantSku", s(guardKey(p.merchantId(), p.sku())), "productId", s(p.productId()),
                        "merchantId", s(p.merchantId())))).build());
            }
            Map<String, List<software.amazon.awssdk.services.dynamodb.model.WriteRequest>> pending = Map.of(skus, writes);
            for (int attempt = 0; !pending.isEmpty() && attempt < 50; attempt++) {
                Map<String, List<software.amazon.awssdk.services.dynamodb.model.WriteRequest>> ask = pending;
                pending = client.batchWriteItem(b -> b.requestItems(ask)).unprocessedItems();
            }
        }
    }

    private static Map<String, AttributeValue> movementItem(StockMovement mv) {
        Map<String, AttributeValue> movement = new HashMap<>();
        movement.put("productId", s(mv.productId()));
        movement.put("at", s(mv.at() + "#" + mv.movementId()));
        movement.put("movementId", s(mv.movementId()));
        movement.put("delta", n(mv.delta()));
        movement.put("availableBefore", n(mv.availableBefore()));
        movement.put("availableAfter", n(mv.availableAfter()));
        movement.put("reason", s(mv.reason()));
        movement.put("actor", s(mv.actor()));
        if (mv.note() != null) {
            movement.put("note", s(mv.note()));
        }
        return movement;
    }

    @Override
    public boolean moveStock(String merchantId, long seenAvailable, StockMovement mv) {
        Map<String, AttributeValue> movement = movementItem(mv);
        List<TransactWriteItem> items = List.of(
                TransactWriteItem.builder().update(b -> b.tableName(products).key(Map.of("productId", s(mv.productId())))
                        .updateExpression("SET stockAvailable = :after ADD version :one")
                        .conditionExpression("merchantId = :merchant AND stockAvailable = :before")
                        .expressionAttributeValues(Map.of(":after", n(mv.availableAfter()), ":before", n(seenAvailable),
                                ":merchant", s(merchantId), ":one", n(1)))).build(),
                TransactWriteItem.builder().put(b -> b.tableName(movements).item(movement)
                        .conditionExpression("attribute_not_exists(productId)")).build());
        return Transact.run(client, items, true, reasons -> false);
    }

    @Override
    public List<StockMovement> movements(String productId, int limit) {
        return client.query(b -> b.tableName(movements).keyConditionExpression("productId = :p")
                        .expressionAttributeValues(Map.of(":p", s(productId))).scanIndexForward(false).limit(limit))
                .items().stream().map(i -> new StockMovement(str(i, "productId"), str(i, "movementId"),
                        java.time.Instant.parse(str(i, "at").substring(0, str(i, "at").indexOf('#'))), num(i, "delta"),
                        num(i, "availableBefore"), num(i, "availableAfter"), str(i, "reason"), str(i, "note"), str(i, "actor")))
                .toList();
    }
}

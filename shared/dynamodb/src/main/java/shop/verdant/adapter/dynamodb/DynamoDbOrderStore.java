package shop.verdant.adapter.dynamodb;

import static shop.verdant.adapter.dynamodb.Attr.l;
import static shop.verdant.adapter.dynamodb.Attr.m;
import static shop.verdant.adapter.dynamodb.Attr.n;
import static shop.verdant.adapter.dynamodb.Attr.num;
import static shop.verdant.adapter.dynamodb.Attr.s;
import static shop.verdant.adapter.dynamodb.Attr.str;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import shop.verdant.application.shopping.port.IdempotencyRecord;
import shop.verdant.application.shopping.port.OrderStore;
import shop.verdant.application.shopping.port.StockLedger;
import shop.verdant.domain.common.Money;
import shop.verdant.domain.common.ValidationException;
import shop.verdant.domain.shopping.Address;
import shop.verdant.domain.shopping.Order;
import shop.verdant.domain.shopping.OrderLine;
import shop.verdant.domain.shopping.OrderPayment;
import shop.verdant.domain.shopping.OrderStatus;
import shop.verdant.domain.shopping.OrderTotals;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Orders, stock and idempotency records on DynamoDB. Every stock movement is one TransactWriteItems with
 * the order's status change: placing guards each product with {@code stockAvailable >= :q} (plus the price
 * and status it was priced at), releasing and paying guard the order with {@code status = PENDING_PAYMENT}.
 * A transaction that collides with another on the same item (TransactionConflict) is retried with jitter;
 * a failed condition is an answer, not a fault.
 */
public final class DynamoDbOrderStore implements OrderStore, StockLedger {
    /** Unpaid orders are spread over this many index partitions so the sweeper's index has no single hot key. */
    static final int PENDING_SHARDS = 4;

    private final DynamoDbClient client;
    private final String orders;
    private final String products;
    private final String idempotency;
    private final String shipments;

    public DynamoDbOrderStore(DynamoDbClient client, String orders, String products, String idempotency) {
        this(client, orders, products, idempotency, null);
    }

    /** {@code shipments}: the Shipments table, for order pages; null where a function does not read them. */
    public DynamoDbOrderStore(DynamoDbClient client, String orders, String products, String idempotency, String shipments) {
        this.client = client;
        this.orders = orders;
        this.products = products;
        this.idempotency = idempotency;
        this.shipments = shipments;
    }

    // ---------------------------------------------------------------- place

    @Override
    public void place(Order order, IdempotencyRecord record) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(p -> p.tableName(orders).item(toItem(order))
                .conditionExpression("attribute_not_exists(orderId)")).build());
        for (OrderLine line : order.lines()) {
            items.add(TransactWriteItem.builder().update(u -> u.tableName(products)
                    .key(Map.of("productId", s(line.productId())))
                    .updateExpression("SET stockAvailable = stockAvailable - :q, "
                            + "stockReserved = if_not_exists(stockReserved, :zero) + :q ADD version :one")
                    .conditionExpression("stockAvailable >= :q AND priceMinor = :price AND #status = :active")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":q", n(line.quantity()), ":zero", n(0), ":one", n(1),
                            ":price", n(line.unitPriceMinor()), ":active", s("ACTIVE")))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build());
        }
        items.add(TransactWriteItem.builder().put(p -> p.tableName(idempotency).item(toItem(record))
                .conditionExpression("attribute_not_exists(idempotencyKey)")).build());

        transact(items, reasons -> {
            List<String> short_ = new ArrayList<>();
            List<String> changed = new ArrayList<>();
            for (int i = 0; i < order.lines().size(); i++) {
                CancellationReason r = reasons.get(i + 1);
                if (!"ConditionalCheckFailed".equals(r.code())) {
                    continue;
                }
                OrderLine line = order.lines().get(i);
                Map<String, AttributeValue> old = r.item();
                if (old == null || old.isEmpty()) {
                    changed.add(line.productId());
                } else if (num(old, "stockAvailable") < line.quantity()) {
                    short_.add(line.sku() != null ? line.sku() : line.productId());
                } else {
                    changed.add(line.productId());
                }
            }
            if (!short_.isEmpty()) {
                throw new StockShortage(short_);
            }
            if (!changed.isEmpty()) {
                throw new CatalogChanged(changed);
            }
            if ("ConditionalCheckFailed".equals(reasons.get(reasons.size() - 1).code())) {
                throw new KeyTaken();
            }
            return false;
        });
    }

    // ---------------------------------------------------------------- transitions

    @Override
    public boolean release(Order order, OrderStatus to, Instant at) {
        if (to != OrderStatus.CANCELLED && to != OrderStatus.EXPIRED) {
            throw new IllegalArgumentException("release goes to CANCELLED or EXPIRED, not " + to);
        }
        return transition(order, to, at, "SET stockAvailable = stockAvailable + :q, stockReserved = stockReserved - :q ADD version :one");
    }

    @Override
    public boolean markPaid(Order order, Instant at) {
        return transition(order, OrderStatus.PAID, at,
                "SET stockReserved = stockReserved - :q, stockSold = if_not_exists(stockSold, :zero) + :q ADD version :one");
    }

    private boolean transition(Order order, OrderStatus to, Instant at, String stockUpdate) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().update(u -> u.tableName(orders).key(Map.of("orderId", s(order.orderId())))
                .updateExpression("SET #status = :to, updatedAt = :at REMOVE pendingShard, pendingUntil ADD version :one")
                .conditionExpression("#status = :pending")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":to", s(to.name()), ":at", s(at.toString()),
                        ":pending", s(OrderStatus.PENDING_PAYMENT.name()), ":one", n(1)))).build());
        for (OrderLine line : order.lines()) {
            items.add(TransactWriteItem.builder().update(u -> u.tableName(products)
                    .key(Map.of("productId", s(line.productId())))
                    .updateExpression(stockUpdate)
                    .conditionExpression("stockReserved >= :q")
                    .expressionAttributeValues(stockUpdate.contains(":zero")
                            ? Map.of(":q", n(line.quantity()), ":one", n(1), ":zero", n(0))
                            : Map.of(":q", n(line.quantity()), ":one", n(1)))).build());
        }
        return transact(items, reasons -> {
            if ("ConditionalCheckFailed".equals(reasons.get(0).code())) {
                return false;   // the order left PENDING_PAYMENT: someone else's transition won
            }
            throw new IllegalStateException("order " + order.orderId() + " reserves more stock than its products hold: " + reasons);
        });
    }

    private boolean transact(List<TransactWriteItem> items, Transact.OnCancel<Boolean> onCancel) {
        return Transact.run(client, items, true, onCancel);
    }

    // ---------------------------------------------------------------- reads

    @Override
    public Optional<IdempotencyRecord> findIdempotency(String key) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(idempotency)
                .key(Map.of("idempotencyKey", s(key))).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new IdempotencyRecord(key, str(item, "fingerprint"), toOrder(item.get("order").m()),
                Instant.parse(str(item, "createdAt")), Instant.ofEpochSecond(num(item, "ttl"))));
    }

    @Override
    public Optional<Order> find(String orderId) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(orders)
                .key(Map.of("orderId", s(orderId))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toOrder(item));
    }

    @Override
    public Page listByCustomer(String customerId, String cursor, int limit) {
        Map<String, AttributeValue> start = cursor == null ? null : decodeCursor(cursor, customerId);
        var response = client.query(b -> b.tableName(orders).indexName("byCustomer")
                .keyConditionExpression("customerId = :c")
                .expressionAttributeValues(Map.of(":c", s(customerId)))
                .scanIndexForward(false)
                .limit(limit)
                .exclusiveStartKey(start));
        List<Order> page = response.items().stream().map(DynamoDbOrderStore::toOrder).toList();
        Map<String, AttributeValue> last = response.lastEvaluatedKey();
        return new Page(page, last == null || last.isEmpty() ? null : encodeCursor(last));
    }

    @Override
    public List<shop.verdant.domain.shopping.Shipment> shipments(String orderId) {
        if (shipments == null || shipments.isEmpty()) {
            throw new IllegalStateException("this store was not given the Shipments table");
        }
        return client.query(b -> b.tableName(shipments).keyConditionExpression("orderId = :o")
                        .expressionAttributeValues(Map.of(":o", s(orderId))).consistentRead(true)).items().stream()
                .map(ShipmentItems::toDomain).toList();
    }

    @Override
    public List<String> dueForExpiry(Instant now, int limit) {
        List<String> due = new ArrayList<>();
        for (int shard = 0; shard < PENDING_SHARDS && due.size() < limit; shard++) {
            String key = "P" + shard;
            int room = limit - due.size();
            client.query(b -> b.tableName(orders).indexName("pendingByExpiry")
                            .keyConditionExpression("pendingShard = :s AND pendingUntil <= :now")
                            .expressionAttributeValues(Map.of(":s", s(key), ":now", n(now.getEpochSecond())))
                            .limit(room))
                    .items().forEach(item -> due.add(str(item, "orderId")));
        }
        return due;
    }

    // ---------------------------------------------------------------- stock ledger

    @Override
    public void restock(String productId, long quantity) {
        if (quantity <= 0) {
            throw ValidationException.of("quantity", "Must be positive.");
        }
        client.updateItem(b -> b.tableName(products).key(Map.of("productId", s(productId)))
                .updateExpression("ADD stockAvailable :q, version :one")
                .conditionExpression("attribute_exists(productId)")
                .expressionAttributeValues(Map.of(":q", n(quantity), ":one", n(1))));
    }

    @Override
    public Levels levels(String productId) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(products)
                .key(Map.of("productId", s(productId))).consistentRead(true)
                .projectionExpression("stockAvailable, stockReserved, stockSold")).item();
        return new Levels(num(item, "stockAvailable"), num(item, "stockReserved"), num(item, "stockSold"));
    }

    // ---------------------------------------------------------------- mapping

    static Map<String, AttributeValue> toItem(Order o) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("orderId", s(o.orderId()));
        item.put("customerId", s(o.customerId()));
        item.put("createdAt", s(o.createdAt().toString()));
        item.put("createdMonth", s(java.time.YearMonth.from(o.createdAt().atZone(java.time.ZoneOffset.UTC)).toString()));
        item.put("updatedAt", s(o.updatedAt().toString()));
        item.put("status", s(o.status().name()));
        OrderTotals t = o.totals();
        item.put("totalMinor", n(t.total().minor()));
        item.put("subtotalMinor", n(t.subtotal().minor()));
        item.put("shippingMinor", n(t.shipping().minor()));
        item.put("vat", l(t.vat().stream().map(v -> m(Map.of("rateBasisPoints", n(v.rateBasisPoints()),
                "amountMinor", n(v.amount().minor())))).toList()));
        item.put("currency", s(t.currency()));
        item.put("expiresAt", s(o.expiresAt().toString()));
        item.put("version", n(1));
        if (o.visitorId() != null) {
            item.put("visitorId", s(o.visitorId()));
        }
        if (o.placedBy() != null) {
            item.put("placedBy", s(o.placedBy()));
        }
        if (o.contactEmail() != null) {
            item.put("contactEmail", s(o.contactEmail()));
        }
        if (o.status() == OrderStatus.PENDING_PAYMENT) {
            item.put("pendingShard", s("P" + Math.floorMod(o.orderId().hashCode(), PENDING_SHARDS)));
            item.put("pendingUntil", n(o.expiresAt().getEpochSecond()));
        }
        List<AttributeValue> lines = new ArrayList<>();
        for (OrderLine line : o.lines()) {
            Map<String, AttributeValue> m = new HashMap<>();
            m.put("productId", s(line.productId()));
            if (line.sku() != null) {
                m.put("sku", s(line.sku()));
            }
            m.put("name", s(line.name()));
            if (line.merchantId() != null) {
                m.put("merchantId", s(line.merchantId()));
            }
            m.put("unitPriceMinor", n(line.unitPriceMinor()));
            m.put("quantity", n(line.quantity()));
            m.put("subtotalMinor", n(line.subtotalMinor()));
            lines.add(m(m));
        }
        item.put("lines", l(lines));
        Address a = o.shipTo();
        if (a != null) {
            Map<String, AttributeValue> m = new LinkedHashMap<>();
            m.put("name", s(a.name()));
            m.put("line1", s(a.line1()));
            if (a.line2() != null) {
                m.put("line2", s(a.line2()));
            }
            m.put("city", s(a.city()));
            m.put("postcode", s(a.postcode()));
            m.put("country", s(a.country()));
            item.put("shipTo", m(m));
        }
        return item;
    }

    static Order toOrder(Map<String, AttributeValue> item) {
        List<OrderLine> lines = new ArrayList<>();
        for (AttributeValue v : item.get("lines").l()) {
            Map<String, AttributeValue> m = v.m();
            lines.add(new OrderLine(str(m, "productId"), str(m, "sku"), str(m, "name"), str(m, "merchantId"),
                    num(m, "unitPriceMinor"), (int) num(m, "quantity"), num(m, "subtotalMinor")));
        }
        Address shipTo = null;
        if (item.containsKey("shipTo")) {
            Map<String, AttributeValue> m = item.get("shipTo").m();
            shipTo = new Address(str(m, "name"), str(m, "line1"), str(m, "line2"), str(m, "city"), str(m, "postcode"),
                    str(m, "country"));
        }
        OrderPayment payment = null;
        if (item.containsKey("payment")) {
            Map<String, AttributeValue> m = item.get("payment").m();
            payment = new OrderPayment(str(m, "provider"), str(m, "reference"),
                    item.containsKey("refundedMinor") ? num(item, "refundedMinor") : 0,
                    item.containsKey("disputed") && Boolean.TRUE.equals(item.get("disputed").bool()));
        }
        return new Order(str(item, "orderId"), str(item, "customerId"), lines, totals(item),
                OrderStatus.valueOf(str(item, "status")),
                shipTo, Instant.parse(str(item, "createdAt")), Instant.parse(str(item, "expiresAt")),
                Instant.parse(str(item, "updatedAt")), payment, item.containsKey("visitorId") ? str(item, "visitorId") : null,
                str(item, "contactEmail"), str(item, "placedBy"));
    }

    private static OrderTotals totals(Map<String, AttributeValue> item) {
        String currency = str(item, "currency");
        List<OrderTotals.VatAmount> vat = new ArrayList<>();
        if (item.containsKey("vat")) {
            for (AttributeValue v : item.get("vat").l()) {
                vat.add(new OrderTotals.VatAmount((int) num(v.m(), "rateBasisPoints"), Money.of(num(v.m(), "amountMinor"), currency)));
            }
        }
        Money total = Money.of(num(item, "totalMinor"), currency);
        // orders placed before totals were itemised carry only their total: goods, no shipping
        Money subtotal = item.containsKey("subtotalMinor") ? Money.of(num(item, "subtotalMinor"), currency) : total;
        Money shipping = item.containsKey("shippingMinor") ? Money.of(num(item, "shippingMinor"), currency) : Money.zero(currency);
        return new OrderTotals(subtotal, shipping, vat, total);
    }

    /** The key's record keeps the order as it was placed (without the expiry index's attributes): what a replay answers. */
    static Map<String, AttributeValue> toItem(IdempotencyRecord r) {
        Map<String, AttributeValue> order = new HashMap<>(toItem(r.order()));
        order.remove("pendingShard");
        order.remove("pendingUntil");
        return Map.of("idempotencyKey", s(r.key()), "fingerprint", s(r.requestFingerprint()),
                "orderId", s(r.order().orderId()), "order", m(order),
                "createdAt", s(r.createdAt().toString()), "ttl", n(r.expiresAt().getEpochSecond()));
    }

    /** The index position as base64url "orderId|createdAt"; the customer is always the caller's own. */
    private static String encodeCursor(Map<String, AttributeValue> last) {
        String raw = str(last, "orderId") + "|" + str(last, "createdAt");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> decodeCursor(String cursor, String customerId) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            if (bar <= 0) {
                throw new IllegalArgumentException();
            }
            String orderId = raw.substring(0, bar);
            String createdAt = raw.substring(bar + 1);
            if (!shop.verdant.domain.common.RequestIds.isOrderId(orderId)) {
                throw new IllegalArgumentException();
            }
            Instant.parse(createdAt);
            return Map.of("orderId", s(orderId), "createdAt", s(createdAt), "customerId", s(customerId));
        } catch (RuntimeException e) {
            throw ValidationException.of("cursor", "Is not a cursor this API issued.");
        }
    }
}

package shop.verdant.adapter.dynamodb;

import static shop.verdant.adapter.dynamodb.Attr.l;
import static shop.verdant.adapter.dynamodb.Attr.m;
import static shop.verdant.adapter.dynamodb.Attr.n;
import static shop.verdant.adapter.dynamodb.Attr.num;
import static shop.verdant.adapter.dynamodb.Attr.s;
import static shop.verdant.adapter.dynamodb.Attr.str;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import shop.verdant.application.payments.port.PaymentStore;
import shop.verdant.domain.common.Money;
import shop.verdant.domain.payments.Payment;
import shop.verdant.domain.payments.PaymentStatus;
import shop.verdant.domain.shopping.Order;
import shop.verdant.domain.shopping.OrderLine;
import shop.verdant.domain.shopping.OrderStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Payments on DynamoDB, each change one TransactWriteItems with what it causes: the order's status (guarded
 * on the status it leaves), the stock (reserved → sold, or available → sold after an expiry, guarded so it
 * never goes below zero), one shipment per merchant, the payment (guarded by its version) and the webhook
 * event id (guarded by its absence, so a redelivery changes nothing).
 */
public final class DynamoDbPaymentStore implements PaymentStore {
    /** Stripe retries a webhook for up to three days; ids are kept well past that. */
    static final Duration EVENT_RETENTION = Duration.ofDays(35);
    /** Payments not final yet carry one of these shards in the sparse {@code open} index, for reconciliation. */
    static final int OPEN_SHARDS = 4;

    private final DynamoDbClient client;
    private final String payments;
    private final String orders;
    private final String products;
    private final String shipments;
    private final String events;

    public DynamoDbPaymentStore(DynamoDbClient client, String payments, String orders, String products, String shipments,
                                String events) {
        this.client = client;
        this.payments = payments;
        this.orders = orders;
        this.products = products;
        this.shipments = shipments;
        this.events = events;
    }

    // ---------------------------------------------------------------- reads

    @Override
    public Optional<Payment> find(String provider, String reference) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(payments)
                .key(Map.of("paymentId", s(Payment.idOf(provider, reference)))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toPayment(item));
    }

    @Override
    public List<Payment> forOrder(String orderId) {
        // the index is eventually consistent; each hit is read again by key, consistently
        List<Payment> out = new ArrayList<>();
        client.queryPaginator(b -> b.tableName(payments).indexName("byOrder").keyConditionExpression("orderId = :o")
                .expressionAttributeValues(Map.of(":o", s(orderId)))).items()
                .forEach(item -> find(str(item, "provider"), str(item, "reference")).ifPresent(out::add));
        return out;
    }

    @Override
    public boolean seen(String eventId) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(events)
                .key(Map.of("eventId", s(eventId))).consistentRead(true)).item();
        return item != null && !item.isEmpty();
    }

    // ---------------------------------------------------------------- writes

    @Override
    public boolean create(Payment payment) {
        try {
            client.putItem(b -> b.tableName(payments).item(toItem(payment, 1)).conditionExpression("attribute_not_exists(paymentId)"));
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean recordEvent(String eventId, Instant at) {
        try {
            client.putItem(b -> b.tableName(events).item(eventItem(eventId, at)).conditionExpression("attribute_not_exists(eventId)"));
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Outcome pay(Order order, Payment payment, String eventId, Instant at) {
        return sell(order, payment, eventId, at, List.of(OrderStatus.PENDING_PAYMENT), OrderStatus.PAID, false);
    }

    @Override
    public Outcome repossessAndPay(Order order, Payment payment, String eventId, Instant at) {
        if (order.status() != OrderStatus.EXPIRED && order.status() != OrderStatus.CANCELLED) {
            throw new IllegalArgumentException("only an expired or cancelled order is sold again, not " + order.status());
        }
        return sell(order, payment, eventId, at, List.of(order.status()), OrderStatus.PAID, true);
    }

    @Override
    public Outcome confirm(Order order, Payment payment, Instant at) {
        return sell(order, payment, null, at, List.of(OrderStatus.PENDING_PAYMENT), OrderStatus.CONFIRMED, false);
    }

    /**
     * The order leaves {@code from} for {@code to} with its stock sold and its shipments created, the payment
     * written, the event recorded. {@code fromAvailable}: the order no longer holds a reservation (it expired
     * or was cancelled), so the stock is taken from what is available, if there is enough.
     */
    private Outcome sell(Order order, Payment payment, String eventId, Instant at, List<OrderStatus> from, OrderStatus to,
                         boolean fromAvailable) {
        List<TransactWriteItem> items = new ArrayList<>();
        int eventAt = addEvent(items, eventId, at);
        int orderAt = items.size();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":to", s(to.name()), ":at", s(at.toString()), ":one", n(1),
                ":from", s(from.get(0).name()), ":payment", m(Map.of("provider", s(payment.provider()),
                        "reference", s(payment.reference())))));
        items.add(TransactWriteItem.builder().update(u -> u.tableName(orders).key(Map.of("orderId", s(order.orderId())))
                .updateExpression("SET #status = :to, updatedAt = :at, payment = :payment REMOVE pendingShard, pendingUntil ADD version :one")
                .conditionExpression("#status = :from" + (fromAvailable ? " AND attribute_not_exists(payment)" : ""))
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(values)).build());
        int stockAt = items.size();
        for (OrderLine line : order.lines()) {
            items.add(TransactWriteItem.builder().update(u -> u.tableName(products)
                    .key(Map.of("productId", s(line.productId())))
                    .updateExpression(fromAvailable
                            ? "SET stockAvailable = stockAvailable - :q, stockSold = if_not_exists(stockSold, :zero) + :q ADD version :one"
                            : "SET stockReserved = stockReserved - :q, stockSold = if_not_exists(stockSold, :zero) + :q ADD version :one")
                    .conditionExpression(fromAvailable ? "stockAvailable >= :q" : "stockReserved >= :q")
                    .expressionAttributeValues(Map.of(":q", n(line.quantity()), ":one", n(1), ":zero", n(0)))).build());
        }
        int shipmentsAt = items.size();
        for (Map.Entry<String, List<OrderLine>> e : byMerchant(order).entrySet()) {
            items.add(TransactWriteItem.builder().put(p -> p.tableName(shipments).item(shipmentItem(order, e.getKey(), e.getValue(), at))
                    .conditionExpression("attribute_not_exists(orderId)")).build());
        }
        int paymentAt = items.size();
        items.add(paymentWrite(payment));
        if (items.size() > 100) {
            throw new IllegalStateException("order " + order.orderId() + " needs " + items.size() + " writes; a transaction holds 100");
        }
        return Transact.run(client, items, Outcome.APPLIED, reasons -> {
            if (eventAt >= 0 && Transact.failed(reasons.get(eventAt))) {
                return Outcome.DUPLICATE_EVENT;
            }
            if (Transact.failed(reasons.get(orderAt)) || Transact.failed(reasons.get(paymentAt))) {
                return Outcome.STALE;
            }
            for (int i = stockAt; i < shipmentsAt; i++) {
                if (Transact.failed(reasons.get(i))) {
                    if (fromAvailable) {
                        return Outcome.STOCK_SHORT;
                    }
                    throw new IllegalStateException("order " + order.orderId() + " reserves more stock than its products hold: " + reasons);
                }
            }
            throw new IllegalStateException("shipment of order " + order.orderId() + " exists before the order was sold: " + reasons);
        });
    }

    @Override
    public Outcome update(Payment next, OrderChange change, String eventId, Instant at) {
        List<TransactWriteItem> items = new ArrayList<>();
        int eventAt = addEvent(items, eventId, at);
        items.add(paymentWrite(next));
        if (change != null) {
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":to", s(change.to().name()), ":from", s(change.from().name()),
                    ":at", s(at.toString()), ":one", n(1)));
            StringBuilder set = new StringBuilder("SET #status = :to, updatedAt = :at");
            if (change.refundedMinor() != null) {
                set.append(", refundedMinor = :refunded");
                values.put(":refunded", n(change.refundedMinor()));
            }
            if (change.disputed() != null) {
                set.append(", disputed = :disputed");
                values.put(":disputed", AttributeValue.fromBool(change.disputed()));
            }
            items.add(TransactWriteItem.builder().update(u -> u.tableName(orders).key(Map.of("orderId", s(next.orderId())))
                    .updateExpression(set + " ADD version :one")
                    .conditionExpression("#status = :from")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(values)).build());
        }
        return Transact.run(client, items, Outcome.APPLIED, reasons -> {
            if (eventAt >= 0 && Transact.failed(reasons.get(eventAt))) {
                return Outcome.DUPLICATE_EVENT;
            }
            return Outcome.STALE;
        });
    }

    @Override
    public long restockUnshipped(Order order, Instant at) {
        List<Map<String, AttributeValue>> pending = new ArrayList<>();
        client.query(b -> b.tableName(shipments).keyConditionExpression("orderId = :o")
                .expressionAttributeValues(Map.of(":o", s(order.orderId()))).consistentRead(true)).items()
                .stream().filter(item -> "PENDING".equals(str(item, "status"))).forEach(pending::add);
        if (pending.isEmpty()) {
            return 0;
        }
        List<TransactWriteItem> items = new ArrayList<>();
        Map<String, Long> back = new LinkedHashMap<>();
        for (Map<String, AttributeValue> shipment : pending) {
            items.add(TransactWriteItem.builder().update(u -> u.tableName(shipments)
                    .key(Map.of("orderId", s(order.orderId()), "merchantId", shipment.get("merchantId")))
                    .updateExpression("SET #status = :cancelled, updatedAt = :at, history = list_append(if_not_exists(history, :none), :step)")
                    .conditionExpression("#status = :pending")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":cancelled", s("CANCELLED"), ":pending", s("PENDING"), ":at", s(at.toString()),
                            ":none", l(List.of()), ":step", l(List.of(m(Map.of("status", s("CANCELLED"), "at", s(at.toString()),
                                    "actor", s("refund"))))))))
                    .build());
            for (AttributeValue line : shipment.get("lines").l()) {
                back.merge(str(line.m(), "productId"), num(line.m(), "quantity"), Long::sum);
            }
        }
        back.forEach((productId, q) -> items.add(TransactWriteItem.builder().update(u -> u.tableName(products)
                .key(Map.of("productId", s(productId)))
                .updateExpression("SET stockSold = stockSold - :q, stockAvailable = stockAvailable + :q ADD version :one")
                .conditionExpression("stockSold >= :q")
                .expressionAttributeValues(Map.of(":q", n(q), ":one", n(1)))).build()));
        long units = back.values().stream().mapToLong(Long::longValue).sum();
        return Transact.run(client, items, units, reasons -> 0L);   // a shipment moved on meanwhile: nothing went back
    }

    @Override
    public List<Payment> open(Instant before, int limit) {
        List<Payment> out = new ArrayList<>();
        for (int shard = 0; shard < OPEN_SHARDS && out.size() < limit; shard++) {
            String key = "O" + shard;
            int room = limit - out.size();
            client.query(b -> b.tableName(payments).indexName("open")
                            .keyConditionExpression("openShard = :s AND updatedAt < :before")
                            .expressionAttributeValues(Map.of(":s", s(key), ":before", s(before.toString())))
                            .limit(room)).items()
                    .forEach(item -> find(str(item, "provider"), str(item, "reference")).ifPresent(out::add));
        }
        return out;
    }

    // ---------------------------------------------------------------- mapping

    private int addEvent(List<TransactWriteItem> items, String eventId, Instant at) {
        if (eventId == null) {
            return -1;
        }
        items.add(TransactWriteItem.builder().put(p -> p.tableName(events).item(eventItem(eventId, at))
                .conditionExpression("attribute_not_exists(eventId)")).build());
        return items.size() - 1;
    }

    private static Map<String, AttributeValue> eventItem(String eventId, Instant at) {
        return Map.of("eventId", s(eventId), "processedAt", s(at.toString()), "ttl", n(at.plus(EVENT_RETENTION).getEpochSecond()));
    }

    /** The payment as a whole, written only over the version it was read at (a new one: over nothing). */
    private TransactWriteItem paymentWrite(Payment p) {
        return TransactWriteItem.builder().put(b -> {
            b.tableName(payments).item(toItem(p, p.version() + 1));
            if (p.version() == 0) {
                b.conditionExpression("attribute_not_exists(paymentId)");
            } else {
                b.conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", n(p.version())));
            }
        }).build();
    }

    /** The order's lines per merchant, in the order they first appear: one shipment each. */
    static Map<String, List<OrderLine>> byMerchant(Order order) {
        Map<String, List<OrderLine>> out = new LinkedHashMap<>();
        for (OrderLine line : order.lines()) {
            out.computeIfAbsent(line.merchantId() == null ? "unknown" : line.merchantId(), k -> new ArrayList<>()).add(line);
        }
        return out;
    }

    private static Map<String, AttributeValue> shipmentItem(Order order, String merchantId, List<OrderLine> lines, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("orderId", s(order.orderId()));
        item.put("merchantId", s(merchantId));
        item.put("status", s("PENDING"));
        item.put("createdAt", s(at.toString()));
        item.put("updatedAt", s(at.toString()));
        item.put("history", l(List.of(m(Map.of("status", s("PENDING"), "at", s(at.toString()), "actor", s("system"))))));
        item.put("lines", l(lines.stream().map(line -> m(Map.of("productId", s(line.productId()),
                "sku", s(line.sku() == null ? "" : line.sku()), "name", s(line.name()), "quantity", n(line.quantity())))).toList()));
        if (order.shipTo() != null) {
            item.put("shipTo", DynamoDbOrderStore.toItem(order).get("shipTo"));
        }
        return item;
    }

    static Map<String, AttributeValue> toItem(Payment p, long version) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("paymentId", s(p.paymentId()));
        item.put("orderId", s(p.orderId()));
        if (p.customerId() != null) {
            item.put("customerId", s(p.customerId()));
        }
        item.put("provider", s(p.provider()));
        item.put("reference", s(p.reference()));
        item.put("status", s(p.status().name()));
        item.put("amountMinor", n(p.amount().minor()));
        item.put("refundedMinor", n(p.refunded().minor()));
        item.put("currency", s(p.amount().currency()));
        if (p.clientSecret() != null) {
            item.put("clientSecret", s(p.clientSecret()));
        }
        if (p.lastError() != null) {
            item.put("lastError", s(p.lastError()));
        }
        if (p.idempotencyKey() != null) {
            item.put("idempotencyKey", s(p.idempotencyKey()));
        }
        item.put("createdAt", s(p.createdAt().toString()));
        item.put("updatedAt", s(p.updatedAt().toString()));
        item.put("version", n(version));
        if (p.status() == PaymentStatus.PENDING || p.status() == PaymentStatus.FAILED) {
            item.put("openShard", s("O" + Math.floorMod(p.paymentId().hashCode(), OPEN_SHARDS)));
        }
        return item;
    }

    static Payment toPayment(Map<String, AttributeValue> item) {
        String currency = str(item, "currency");
        return new Payment(str(item, "orderId"), str(item, "customerId"), str(item, "provider"), str(item, "reference"),
                PaymentStatus.valueOf(str(item, "status")), Money.of(num(item, "amountMinor"), currency),
                Money.of(num(item, "refundedMinor"), currency), str(item, "clientSecret"), str(item, "lastError"),
                str(item, "idempotencyKey"), Instant.parse(str(item, "createdAt")), Instant.parse(str(item, "updatedAt")),
                num(item, "version"));
    }

}

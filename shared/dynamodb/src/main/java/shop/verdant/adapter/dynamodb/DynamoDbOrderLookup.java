package shop.verdant.adapter.dynamodb;

import static shop.verdant.adapter.dynamodb.Attr.s;
import static shop.verdant.adapter.dynamodb.Attr.str;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import shop.verdant.application.admin.port.OrderLookup;
import shop.verdant.domain.common.ValidationException;
import shop.verdant.domain.shopping.Order;
import shop.verdant.domain.shopping.OrderStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The Orders table for the admins' desk: a consistent read by id; the {@code byEmail} index; the {@code byMonth} index
 * newest month first, narrowed by status or the dispute flag with a filter (an admin's occasional search, not a hot path).
 */
public final class DynamoDbOrderLookup implements OrderLookup {
    static final int MONTHS_BACK = 12;
    private final DynamoDbClient client;
    private final String table;
    private final String payments;
    private final Clock clock;

    public DynamoDbOrderLookup(DynamoDbClient client, String table, String payments, Clock clock) {
        this.client = client;
        this.table = table;
        this.payments = payments;
        this.clock = clock;
    }

    @Override
    public List<shop.verdant.domain.payments.Payment> payments(String orderId) {
        List<shop.verdant.domain.payments.Payment> out = new ArrayList<>();
        client.queryPaginator(b -> b.tableName(payments).indexName("byOrder").keyConditionExpression("orderId = :o")
                .expressionAttributeValues(Map.of(":o", s(orderId)))).items().forEach(i -> out.add(DynamoDbPaymentStore.toPayment(i)));
        return out;
    }

    @Override
    public Optional<Order> find(String orderId) {
        var item = client.getItem(b -> b.tableName(table).key(Map.of("orderId", s(orderId))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(DynamoDbOrderStore.toOrder(item));
    }

    @Override
    public Page byEmail(String email, String cursor, int limit) {
        List<String> keys = List.of("contactEmail", "createdAt", "orderId");
        Map<String, AttributeValue> start = Cursors.decode(cursor, keys);
        if (start != null && !email.equals(start.get("contactEmail").s())) {
            throw ValidationException.of("cursor", "Not a cursor of this list; start again without it.");
        }
        QueryResponse r = Cursors.query(client, QueryRequest.builder().tableName(table).indexName("byEmail").keyConditionExpression("contactEmail = :e")
                .expressionAttributeValues(Map.of(":e", s(email))).scanIndexForward(false).limit(limit).exclusiveStartKey(start).build());
        return new Page(r.items().stream().map(DynamoDbOrderStore::toOrder).toList(),
                r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? Cursors.encode(r.lastEvaluatedKey(), keys) : null);
    }

    @Override
    public Page recent(OrderStatus status, boolean disputed, String cursor, int limit) {
        List<String> keys = List.of("createdMonth", "createdAt", "orderId");
        YearMonth newest = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        Map<String, AttributeValue> start = Cursors.decode(cursor, keys);
        YearMonth month = start == null ? newest : parse(start.get("createdMonth").s());
        if (start != null && "~".equals(start.get("createdAt").s())) {
            start = null;
        }
        List<Order> out = new ArrayList<>();
        YearMonth oldest = newest.minusMonths(MONTHS_BACK - 1);
        while (!month.isBefore(oldest)) {
            Map<String, String> names = new HashMap<>(Map.of("#m", "createdMonth"));
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":m", s(month.toString())));
            QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName("byMonth").keyConditionExpression("#m = :m")
                    .scanIndexForward(false).limit(Math.max(limit - out.size(), 1) * (status == null && !disputed ? 1 : 4))
                    .exclusiveStartKey(start);
            if (status != null) {
                names.put("#status", "status");
                values.put(":status", s(status.name()));
                q.filterExpression("#status = :status");
            } else if (disputed) {
                names.put("#disputed", "disputed");
                values.put(":yes", AttributeValue.fromBool(true));
                q.filterExpression("#disputed = :yes");
            }
            QueryResponse r = Cursors.query(client, q.expressionAttributeNames(names).expressionAttributeValues(values).build());
            for (var item : r.items()) {
                out.add(DynamoDbOrderStore.toOrder(item));
                if (out.size() == limit) {
                    // the page is full: the next one starts after the last order taken (a filtered page may hold more)
                    boolean last = item == r.items().get(r.items().size() - 1);
                    boolean more = !last || (r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty());
                    return new Page(out, more ? Cursors.encode(item, keys) : month.isAfter(oldest)
                            ? Cursors.encode(Map.of("createdMonth", s(month.minusMonths(1).toString()), "createdAt", s("~"),
                                    "orderId", s("~")), keys) : null);
                }
            }
            if (r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty()) {
                start = r.lastEvaluatedKey();   // the same month goes on
            } else {
                start = null;
                month = month.minusMonths(1);
            }
        }
        return new Page(out, null);
    }


    private static YearMonth parse(String m) {
        try {
            return YearMonth.parse(m);
        } catch (java.time.format.DateTimeParseException e) {
            throw ValidationException.of("cursor", "Not a cursor of this list; start again without it.");
        }
    }


}

package shop.verdant.adapter.dynamodb;

import static shop.verdant.adapter.dynamodb.Attr.l;
import static shop.verdant.adapter.dynamodb.Attr.m;
import static shop.verdant.adapter.dynamodb.Attr.s;
import static shop.verdant.adapter.dynamodb.Attr.str;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import shop.verdant.application.backoffice.port.ShipmentDesk;
import shop.verdant.domain.backoffice.ShipmentStatus;
import shop.verdant.domain.shopping.Shipment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** The Shipments table for the back office: the merchant's index, and one conditioned UpdateItem per step. */
public final class DynamoDbShipmentDesk implements ShipmentDesk {
    private static final List<String> CURSOR = List.of("createdAt", "orderId");
    private static final int MAX_PAGES = 8;

    private final DynamoDbClient client;
    private final String shipments;

    public DynamoDbShipmentDesk(DynamoDbClient client, String shipments) {
        this.client = client;
        this.shipments = shipments;
    }

    @Override
    public Page list(String merchantId, ShipmentStatus status, int limit, String cursor) {
        List<Shipment> out = new ArrayList<>();
        Map<String, AttributeValue> start = Cursors.decode(cursor, CURSOR, "merchantId", merchantId);
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, AttributeValue> from = start;
            QueryResponse answer = client.query(b -> b.tableName(shipments).indexName("byMerchant")
                    .keyConditionExpression("merchantId = :m").expressionAttributeValues(Map.of(":m", s(merchantId)))
                    .scanIndexForward(false).exclusiveStartKey(from).limit(Math.max(limit - out.size(), 25)));
            List<Map<String, AttributeValue>> items = answer.items();
            boolean last = !answer.hasLastEvaluatedKey() || answer.lastEvaluatedKey().isEmpty();
            for (int i = 0; i < items.size(); i++) {
                if (status == null || status.name().equals(str(items.get(i), "status"))) {
                    out.add(ShipmentItems.toDomain(items.get(i)));
                    if (out.size() == limit) {
                        boolean more = i < items.size() - 1 || !last;
                        return new Page(out, more ? Cursors.encode(items.get(i), CURSOR) : null);
                    }
                }
            }
            start = last ? null : answer.lastEvaluatedKey();
            if (start == null) {
                break;
            }
        }
        return new Page(out, start == null ? null : Cursors.encode(start, CURSOR));
    }

    @Override
    public Optional<Shipment> find(String orderId, String merchantId) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(shipments)
                .key(Map.of("orderId", s(orderId), "merchantId", s(merchantId))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ShipmentItems.toDomain(item));
    }

    @Override
    public boolean advance(String orderId, String merchantId, ShipmentStatus from, ShipmentStatus to, String carrier,
                           String trackingNumber, String actor, Instant at) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":to", s(to.name()));
        values.put(":from", s(from.name()));
        values.put(":at", s(at.toString()));
        values.put(":none", l(List.of()));
        values.put(":step", l(List.of(m(Map.of("status", s(to.name()), "at", s(at.toString()), "actor", s(actor))))));
        StringBuilder set = new StringBuilder("SET #status = :to, updatedAt = :at, history = list_append(if_not_exists(history, :none), :step)");
        if (carrier != null) {
            set.append(", carrier = :carrier");
            values.put(":carrier", s(carrier));
        }
        if (trackingNumber != null) {
            set.append(", trackingNumber = :tracking");
            values.put(":tracking", s(trackingNumber));
        }
        try {
            client.updateItem(b -> b.tableName(shipments).key(Map.of("orderId", s(orderId), "merchantId", s(merchantId)))
                    .updateExpression(set.toString()).conditionExpression("#status = :from")
                    .expressionAttributeNames(Map.of("#status", "status")).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}

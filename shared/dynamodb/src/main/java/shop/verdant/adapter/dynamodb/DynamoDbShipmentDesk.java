package shop.verdant.adapter.dynamodb;

import static shop.verdant.adapter.dynamodb.Attr.l;
import static shop.verdant.adapter.dynamodb.Attr.m;
import static shop.verdant.adapter.dynamodb.Attr.s;
import static shop.verdant.adapter.dynamodb.Attr.str;

import java.time.Instant;
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

/** The Shipments table for the back office: the merchant's index, and one conditioned UpdateItem per step. */
public final class DynamoDbShipmentDesk implements ShipmentDesk {
    private static final List<String> CURSOR = List.of("createdAt", "orderId");

    private final DynamoDbClient client;
    private final String shipments;

    public DynamoDbShipmentDesk(DynamoDbClient client, String shipments) {
        this.client = client;
        this.shipments = shipments;
    }

    @Override
    public Page list(String merchantId, ShipmentStatus status, int limit, String cursor) {
        var page = FilteredPages.read(client, shipments, "byMerchant", "merchantId", merchantId, CURSOR,
                item -> status == null || status.name().equals(str(item, "status")), ShipmentItems::toDomain, limit, cursor);
        return new Page(page.items(), page.nextCursor());
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

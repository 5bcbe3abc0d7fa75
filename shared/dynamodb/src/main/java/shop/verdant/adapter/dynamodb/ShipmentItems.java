package shop.verdant.adapter.dynamodb;

import static shop.verdant.adapter.dynamodb.Attr.num;
import static shop.verdant.adapter.dynamodb.Attr.str;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import shop.verdant.domain.shopping.Shipment;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A Shipments item as the domain's shipment: status, carrier and tracking number, history, what it holds. */
final class ShipmentItems {
    private ShipmentItems() {
    }

    static Shipment toDomain(Map<String, AttributeValue> item) {
        List<Shipment.Step> history = new ArrayList<>();
        if (item.containsKey("history")) {
            for (AttributeValue v : item.get("history").l()) {
                Map<String, AttributeValue> m = v.m();
                history.add(new Shipment.Step(str(m, "status"), Instant.parse(str(m, "at")), str(m, "actor")));
            }
        } else if (item.containsKey("createdAt")) {
            history.add(new Shipment.Step("PENDING", Instant.parse(str(item, "createdAt")), "system"));
        }
        List<Shipment.Item> items = new ArrayList<>();
        if (item.containsKey("lines")) {
            for (AttributeValue v : item.get("lines").l()) {
                Map<String, AttributeValue> m = v.m();
                items.add(new Shipment.Item(str(m, "productId"), str(m, "sku"), str(m, "name"), num(m, "quantity")));
            }
        }
        return new Shipment(str(item, "orderId"), str(item, "merchantId"), str(item, "status"), str(item, "carrier"),
                str(item, "trackingNumber"), history, items, instant(str(item, "createdAt")), instant(str(item, "updatedAt")));
    }

    private static Instant instant(String iso) {
        return iso == null ? null : Instant.parse(iso);
    }
}

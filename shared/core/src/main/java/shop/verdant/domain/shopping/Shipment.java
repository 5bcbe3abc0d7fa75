package shop.verdant.domain.shopping;

import java.time.Instant;
import java.util.List;

/**
 * One merchant's parcel of a sold order: PENDING when the order is paid (or confirmed for cash on delivery),
 * then PACKED, SHIPPED, DELIVERED as the merchant records it; CANCELLED when a full refund stopped it.
 * {@code history} is every status it has had, oldest first, with when and who.
 */
public record Shipment(String orderId, String merchantId, String status, String carrier, String trackingNumber,
                       List<Step> history, List<Item> items, Instant createdAt, Instant updatedAt) {

    /** One status reached, when and by whom ({@code system} for the sale that created it). */
    public record Step(String status, Instant at, String actor) {
    }

    /** What the parcel holds. */
    public record Item(String productId, String sku, String name, long quantity) {
    }

    public Shipment {
        history = history == null ? List.of() : List.copyOf(history);
        items = items == null ? List.of() : List.copyOf(items);
    }
}

package shop.verdant.application.backoffice.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import shop.verdant.domain.backoffice.ShipmentStatus;
import shop.verdant.domain.shopping.Shipment;

/** The shipments of one merchant: read by the merchant's index, moved one guarded step at a time. */
public interface ShipmentDesk {

    record Page(List<Shipment> items, String nextCursor) {
    }

    /** The merchant's shipments, newest first, optionally only those in {@code status}. */
    Page list(String merchantId, ShipmentStatus status, int limit, String cursor);

    Optional<Shipment> find(String orderId, String merchantId);

    /**
     * Moves the shipment from {@code from} to {@code to} (with carrier and tracking number when given), appending the
     * step to its history; false (nothing written) when it is no longer in {@code from}.
     */
    boolean advance(String orderId, String merchantId, ShipmentStatus from, ShipmentStatus to, String carrier,
                    String trackingNumber, String actor, Instant at);
}

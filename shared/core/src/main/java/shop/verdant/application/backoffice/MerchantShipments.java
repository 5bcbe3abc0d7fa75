package shop.verdant.application.backoffice;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import shop.verdant.application.backoffice.port.ShipmentDesk;
import shop.verdant.application.payments.CashOnDelivery;
import shop.verdant.application.shopping.port.OrderStore;
import shop.verdant.domain.backoffice.ShipmentStatus;
import shop.verdant.domain.common.ConflictException;
import shop.verdant.domain.common.FieldError;
import shop.verdant.domain.common.NotFoundException;
import shop.verdant.domain.common.UnprocessableException;
import shop.verdant.domain.common.ValidationException;
import shop.verdant.domain.shopping.Order;
import shop.verdant.domain.shopping.OrderStatus;
import shop.verdant.domain.shopping.Shipment;

/**
 * A merchant's parcels: listed by the merchant's index, moved PENDING → PACKED → SHIPPED (carrier and tracking
 * number) → DELIVERED one guarded step at a time. A cash-on-delivery order is paid when the courier hands over its
 * last parcel: the delivery that completes the order records the payment (once, however often it is retried).
 */
public final class MerchantShipments {
    private static final Pattern TRACKING = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{3,39}");
    private static final int CARRIER_MAX = 40;

    private final ShipmentDesk desk;
    private final OrderStore orders;
    private final CashOnDelivery cashOnDelivery;
    private final Clock clock;

    public MerchantShipments(ShipmentDesk desk, OrderStore orders, CashOnDelivery cashOnDelivery, Clock clock) {
        this.desk = desk;
        this.orders = orders;
        this.cashOnDelivery = cashOnDelivery;
        this.clock = clock;
    }

    public ShipmentDesk.Page list(String merchantId, String status, Integer limit, String cursor) {
        List<FieldError> errors = new ArrayList<>();
        ShipmentStatus wanted = status == null ? null : ShipmentStatus.parse(status);
        if (status != null && wanted == null) {
            errors.add(new FieldError("status", "One of PENDING, PACKED, SHIPPED, DELIVERED, CANCELLED."));
        }
        if (limit != null && (limit < 1 || limit > 100)) {
            errors.add(new FieldError("limit", "Between 1 and 100."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return desk.list(merchantId, wanted, limit == null ? 25 : limit, cursor);
    }

    public Shipment get(String merchantId, String orderId) {
        return desk.find(orderId, merchantId)
                .orElseThrow(() -> new NotFoundException("No shipment of order " + orderId + " is yours."));
    }

    /** Moves the merchant's parcel of {@code orderId} to {@code status}; the same status again changes nothing. */
    public Shipment advance(String merchantId, String actor, String orderId, String status, String carrier, String tracking) {
        ShipmentStatus to = ShipmentStatus.parse(status);
        List<FieldError> errors = new ArrayList<>();
        if (to == null || to == ShipmentStatus.PENDING || to == ShipmentStatus.CANCELLED) {
            errors.add(new FieldError("status", "One of PACKED, SHIPPED, DELIVERED."));
        }
        if (to == ShipmentStatus.SHIPPED) {
            if (carrier == null || carrier.isBlank() || carrier.length() > CARRIER_MAX) {
                errors.add(new FieldError("carrier", "Required to ship: the carrier's name, at most " + CARRIER_MAX + " characters."));
            }
            if (tracking == null || !TRACKING.matcher(tracking).matches()) {
                errors.add(new FieldError("trackingNumber", "Required to ship: 4 to 40 letters, digits, spaces or '-'."));
            }
        } else if (carrier != null || tracking != null) {
            errors.add(new FieldError(carrier != null ? "carrier" : "trackingNumber", "Only when the status becomes SHIPPED."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            Shipment current = get(merchantId, orderId);
            ShipmentStatus from = ShipmentStatus.parse(current.status());
            if (from == to) {
                settleIfDelivered(orderId, to);
                return current;
            }
            if (from == null || !from.mayBecome(to)) {
                throw new UnprocessableException("shipment-transition", "Shipment cannot move so",
                        "A " + current.status() + " shipment cannot become " + to
                                + (from != null && from.next() != null ? "; next is " + from.next() + "." : "."));
            }
            if (desk.advance(orderId, merchantId, from, to, to == ShipmentStatus.SHIPPED ? carrier.strip() : null,
                    to == ShipmentStatus.SHIPPED ? tracking.strip() : null, actor, clock.instant())) {
                settleIfDelivered(orderId, to);
                return get(merchantId, orderId);
            }
        }
        throw new ConflictException("The shipment kept changing; reload it and try again.");
    }

    /** A cash-on-delivery order whose every parcel is delivered (or cancelled) has been paid at the door. */
    private void settleIfDelivered(String orderId, ShipmentStatus reached) {
        if (reached != ShipmentStatus.DELIVERED) {
            return;
        }
        Order order = orders.find(orderId).orElse(null);
        if (order == null || order.status() != OrderStatus.CONFIRMED || order.payment() == null
                || !CashOnDelivery.NAME.equals(order.payment().provider())) {
            return;
        }
        boolean allHandedOver = orders.shipments(orderId).stream().allMatch(s ->
                ShipmentStatus.DELIVERED.name().equals(s.status()) || ShipmentStatus.CANCELLED.name().equals(s.status()));
        if (allHandedOver) {
            cashOnDelivery.collected(order.payment().reference());
        }
    }
}

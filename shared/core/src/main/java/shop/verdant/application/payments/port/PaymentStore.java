package shop.verdant.application.payments.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import shop.verdant.domain.payments.Payment;
import shop.verdant.domain.shopping.Order;
import shop.verdant.domain.shopping.OrderStatus;

/**
 * Payments, and the order and stock changes they cause, each in one transaction. Every write is guarded
 * on the state it leaves (the order's status, the payment's version), so a racing writer makes it answer
 * {@link Outcome#STALE} and change nothing. A webhook's event id, when given, is recorded in the same
 * transaction: a duplicate delivery answers {@link Outcome#DUPLICATE_EVENT} and changes nothing.
 */
public interface PaymentStore {

    enum Outcome {
        APPLIED,
        /** This event id was processed before: nothing changed. */
        DUPLICATE_EVENT,
        /** The order or the payment moved since it was read: nothing changed; read again and decide again. */
        STALE,
        /** Not enough stock to sell again what an expired order had released: nothing changed. */
        STOCK_SHORT
    }

    /** A change to the order's payment summary (and status) that goes with a payment update. */
    record OrderChange(OrderStatus from, OrderStatus to, Long refundedMinor, Boolean disputed) {
    }

    Optional<Payment> find(String provider, String reference);

    /** The order's payments, oldest first. */
    List<Payment> forOrder(String orderId);

    /** Records a new payment; false (nothing written) when one with its id exists. */
    boolean create(Payment payment);

    /**
     * PENDING_PAYMENT → PAID: reserved stock becomes sold, one PENDING shipment per merchant of the order,
     * the payment SUCCEEDED and named on the order.
     */
    Outcome pay(Order order, Payment payment, String eventId, Instant at);

    /**
     * A success that arrived after the order expired or was cancelled: EXPIRED/CANCELLED → PAID, selling the
     * stock again from what is available ({@link Outcome#STOCK_SHORT} when it is not), with the shipments.
     */
    Outcome repossessAndPay(Order order, Payment payment, String eventId, Instant at);

    /** Cash on delivery: PENDING_PAYMENT → CONFIRMED, stock sold, shipments created, the payment recorded. */
    Outcome confirm(Order order, Payment payment, Instant at);

    /** The payment's new state (guarded by the version it was read at), with an optional order change. */
    Outcome update(Payment next, OrderChange orderChange, String eventId, Instant at);

    /**
     * A fully refunded order's shipments that have not left: each PENDING one becomes CANCELLED and its lines'
     * stock goes from sold back to available, in one transaction guarded by the shipments' status, so it
     * happens once however often it is asked. Answers how many units went back.
     */
    long restockUnshipped(Order order, Instant at);

    /** Payments not final yet (PENDING or FAILED) last changed before {@code before}: what reconciliation looks at. */
    List<Payment> open(Instant before, int limit);

    /** Records an event id on its own; false when it was recorded before. */
    boolean recordEvent(String eventId, Instant at);

    boolean seen(String eventId);
}

package shop.verdant.domain.shopping;

/**
 * An order's life. Only a PENDING_PAYMENT order holds reserved stock; every way out of it (paid, confirmed
 * for cash on delivery, cancelled, expired) is one guarded transition, so stock moves at most once.
 */
public enum OrderStatus {
    PENDING_PAYMENT,
    /** Paid: stock sold, one shipment per merchant created. */
    PAID,
    /** Cash on delivery: stock sold and shipments created now; it becomes PAID when delivery is recorded. */
    CONFIRMED,
    CANCELLED,
    EXPIRED,
    /** Paid and then refunded in full. */
    REFUNDED;

    public boolean holdsReservation() {
        return this == PENDING_PAYMENT;
    }

    /** Whether its stock is sold (and shipments exist). */
    public boolean isSold() {
        return this == PAID || this == CONFIRMED || this == REFUNDED;
    }
}

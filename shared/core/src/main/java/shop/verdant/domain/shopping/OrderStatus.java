package shop.verdant.domain.shopping;

/**
 * An order's life. Only a PENDING_PAYMENT order holds reserved stock; every way out of it (paid,
 * cancelled, expired) is one guarded transition, so stock moves at most once.
 */
public enum OrderStatus {
    PENDING_PAYMENT, PAID, CANCELLED, EXPIRED;

    public boolean holdsReservation() {
        return this == PENDING_PAYMENT;
    }
}

package shop.verdant.domain.payments;

/**
 * Where a payment stands at its provider. SUCCEEDED is final (a refund is an amount on top of it, not a
 * status); a FAILED or CANCELED payment leaves its order payable until the reservation ends.
 */
public enum PaymentStatus {
    /** Started; the customer has yet to pay (or, cash on delivery, to hand over the money). */
    PENDING,
    SUCCEEDED,
    /** The last attempt was declined; the same payment can be tried again with another card. */
    FAILED,
    CANCELED;

    /** Whether a later report may move a payment from this status to {@code next}: never away from SUCCEEDED. */
    public boolean mayBecome(PaymentStatus next) {
        return this != SUCCEEDED && this != next;
    }
}

package shop.verdant.domain.payments;

import java.time.Instant;
import java.util.Objects;
import shop.verdant.domain.common.Money;

/**
 * One way of paying one order at one provider: {@code reference} is the provider's id for it (a Stripe
 * PaymentIntent id), unique per provider, so {@link #paymentId()} is derived from the two. {@code refunded}
 * grows with each refund, never past {@code amount}. {@code version} guards concurrent updates.
 */
public record Payment(String orderId, String customerId, String provider, String reference, PaymentStatus status,
                      Money amount, Money refunded, String clientSecret, String lastError, String idempotencyKey,
                      Instant createdAt, Instant updatedAt, long version) {

    public Payment {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(refunded, "refunded");
        if (refunded.isNegative() || !amount.isAtLeast(refunded)) {
            throw new IllegalArgumentException("refunded " + refunded + " outside 0.." + amount);
        }
    }

    public static String idOf(String provider, String reference) {
        return provider + "#" + reference;
    }

    public String paymentId() {
        return idOf(provider, reference);
    }

    public boolean fullyRefunded() {
        return refunded.equals(amount);
    }

    public Payment with(PaymentStatus next, String error, Instant at) {
        return new Payment(orderId, customerId, provider, reference, next, amount, refunded, clientSecret, error,
                idempotencyKey, createdAt, at, version);
    }

    public Payment withRefunded(Money total, Instant at) {
        return new Payment(orderId, customerId, provider, reference, status, amount, total, clientSecret, lastError,
                idempotencyKey, createdAt, at, version);
    }
}

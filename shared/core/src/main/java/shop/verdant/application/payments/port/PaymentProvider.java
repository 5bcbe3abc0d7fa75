package shop.verdant.application.payments.port;

import java.util.Optional;
import shop.verdant.domain.common.Money;
import shop.verdant.domain.shopping.Order;

/**
 * A way to pay (DESIGN "Payments"): a provider starts a payment for an order's total, reports a payment's
 * state, and refunds. Adding one is a class implementing this plus its registration in the payments
 * wiring. Every call is idempotent: the same order and attempt start the same payment, the same refund key
 * refunds once.
 */
public interface PaymentProvider {

    /** The name clients choose it by ({@code POST /api/orders/{id}/payments {"provider": name}}). */
    String name();

    /**
     * Whether choosing it confirms the order at once (stock sold, shipments created) with the money collected
     * later, as cash on delivery does; otherwise the order waits for the provider to report success.
     */
    boolean confirmsOnStart();

    /** The largest order total it accepts, if it has a limit. */
    Optional<Money> limit();

    /** What the browser needs to pay with it (a publishable key), or null. */
    String publicKey();

    /** Whether it moves real money (a live key): every payment it reports must say the same. */
    boolean livemode();

    /** Starts the payment of {@code order}'s total; for the same order and attempt, the same payment again. */
    ProviderPayment start(Order order, int attempt);

    /** The payment as the provider sees it now. */
    ProviderPayment retrieve(String reference);

    /** Cancels a payment nobody may complete any more (another way of paying won); a no-op when it is final. */
    void cancel(String reference);

    /** Refunds {@code amount} of a succeeded payment; the same key refunds once. Answers the payment after. */
    ProviderPayment refund(String reference, Money amount, String reason, String idempotencyKey);

    /** The provider could not be reached or answered with an error of its own: retry later. */
    final class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The provider refused the request itself (not a decline): a bug or a mismatch, not worth retrying. */
    final class Refused extends RuntimeException {
        private final String code;

        public Refused(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}

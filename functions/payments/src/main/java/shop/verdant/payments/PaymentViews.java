package shop.verdant.payments;

import shop.verdant.application.payments.Payments;
import shop.verdant.domain.payments.Payment;

/** The JSON the payments API answers; no card data exists here to leak. */
final class PaymentViews {
    private PaymentViews() {
    }

    record Price(long amount, String currency) {
    }

    /**
     * {@code clientSecret} and {@code publishableKey} for Stripe.js (Stripe only); {@code orderStatus} is the
     * order's after this call (CONFIRMED for cash on delivery).
     */
    record StartedJson(String provider, String reference, String status, Price amount, String clientSecret,
                       String publishableKey, String orderId, String orderStatus, String lastError) {
    }

    record RefundedJson(String orderId, String orderStatus, Price refunded, Price total, long unitsRestocked) {
    }

    static RefundedJson refunded(Payments.Refunded r) {
        Payment p = r.payment();
        return new RefundedJson(r.order().orderId(), r.order().status().name(), new Price(p.refunded().minor(), p.refunded().currency()),
                new Price(p.amount().minor(), p.amount().currency()), r.restocked());
    }

    static StartedJson started(Payments.Started s) {
        Payment p = s.payment();
        return new StartedJson(p.provider(), p.reference(), p.status().name(), new Price(p.amount().minor(), p.amount().currency()),
                p.clientSecret(), s.publicKey(), p.orderId(), s.order().status().name(), p.lastError());
    }
}

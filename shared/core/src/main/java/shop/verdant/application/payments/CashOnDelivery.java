package shop.verdant.application.payments;

import java.time.Clock;
import java.util.Optional;
import shop.verdant.application.payments.port.PaymentProvider;
import shop.verdant.application.payments.port.PaymentStore;
import shop.verdant.application.payments.port.ProviderPayment;
import shop.verdant.domain.common.Money;
import shop.verdant.domain.payments.Payment;
import shop.verdant.domain.payments.PaymentStatus;
import shop.verdant.domain.shopping.Order;
import shop.verdant.domain.shopping.OrderStatus;

/**
 * Cash on delivery: the order is confirmed at once (stock sold, shipments created) and becomes paid when the
 * courier collects; allowed up to {@code limit}. The shop is its own provider here, so its ledger is the
 * Payments table: what it reports is what was recorded there, and {@link #collected}, {@link #refused} and
 * {@link #refund} record delivery news and money handed back, each once.
 */
public final class CashOnDelivery implements PaymentProvider {
    public static final String NAME = "cod";

    private final Money limit;
    private final PaymentStore ledger;
    private final Clock clock;

    public CashOnDelivery(Money limit, PaymentStore ledger, Clock clock) {
        this.limit = limit;
        this.ledger = ledger;
        this.clock = clock;
    }

    public static String referenceOf(String orderId) {
        return "cod_" + orderId;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean confirmsOnStart() {
        return true;
    }

    @Override
    public Optional<Money> limit() {
        return Optional.of(limit);
    }

    @Override
    public String publicKey() {
        return null;
    }

    @Override
    public boolean livemode() {
        return false;
    }

    @Override
    public ProviderPayment start(Order order, int attempt) {
        return new ProviderPayment(referenceOf(order.orderId()), PaymentStatus.PENDING, order.total().minor(), 0,
                order.total().currency(), false, order.orderId(), 0, false, null, null);
    }

    @Override
    public ProviderPayment retrieve(String reference) {
        Payment p = recorded(reference);
        return new ProviderPayment(reference, p.status(), p.amount().minor(),
                p.status() == PaymentStatus.SUCCEEDED ? p.amount().minor() : 0, p.amount().currency(), false, p.orderId(),
                p.refunded().minor(), false, p.lastError(), null);
    }

    @Override
    public void cancel(String reference) {
        ledger.find(NAME, reference).filter(p -> p.status().mayBecome(PaymentStatus.CANCELED))
                .ifPresent(p -> ledger.update(p.with(PaymentStatus.CANCELED, null, clock.instant()), null, null, clock.instant()));
    }

    /** The courier collected the money: the payment succeeded and the confirmed order is paid. */
    public ProviderPayment collected(String reference) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Payment p = recorded(reference);
            if (p.status() == PaymentStatus.SUCCEEDED) {
                return retrieve(reference);
            }
            var outcome = ledger.update(p.with(PaymentStatus.SUCCEEDED, null, clock.instant()),
                    new PaymentStore.OrderChange(OrderStatus.CONFIRMED, OrderStatus.PAID, null, null), null, clock.instant());
            if (outcome == PaymentStore.Outcome.APPLIED) {
                return retrieve(reference);
            }
        }
        throw new Unavailable("the payment kept changing", null);
    }

    /** The customer refused the parcel: nothing was paid (the order's return is the merchant's to record). */
    public ProviderPayment refused(String reference) {
        Payment p = recorded(reference);
        if (p.status().mayBecome(PaymentStatus.FAILED)) {
            ledger.update(p.with(PaymentStatus.FAILED, "refused at the door", clock.instant()), null, null, clock.instant());
        }
        return retrieve(reference);
    }

    /** Money handed back for collected cash; the key is recorded with it, so the same key refunds once. */
    @Override
    public ProviderPayment refund(String reference, Money amount, String reason, String idempotencyKey) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Payment p = recorded(reference);
            if (ledger.seen("cod-refund:" + idempotencyKey)) {
                return retrieve(reference);
            }
            if (p.status() != PaymentStatus.SUCCEEDED) {
                throw new Refused("charge_not_collected", "Only collected cash can be refunded.");
            }
            Money total = p.refunded().plus(amount);
            if (!p.amount().isAtLeast(total)) {
                throw new Refused("amount_too_large", "A refund cannot exceed what was collected.");
            }
            var outcome = ledger.update(p.withRefunded(total, clock.instant()), null, "cod-refund:" + idempotencyKey, clock.instant());
            if (outcome != PaymentStore.Outcome.STALE) {
                return retrieve(reference);
            }
        }
        throw new Unavailable("the payment kept changing", null);
    }

    private Payment recorded(String reference) {
        return ledger.find(NAME, reference)
                .orElseThrow(() -> new Refused("resource_missing", "No cash-on-delivery payment " + reference + "."));
    }
}

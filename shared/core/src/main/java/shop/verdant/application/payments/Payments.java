package shop.verdant.application.payments;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import shop.verdant.application.payments.port.PaymentProvider;
import shop.verdant.application.payments.port.PaymentStore;
import shop.verdant.application.payments.port.ProviderPayment;
import shop.verdant.application.shopping.port.OrderStore;
import shop.verdant.domain.common.ConflictException;
import shop.verdant.domain.common.Money;
import shop.verdant.domain.common.NotFoundException;
import shop.verdant.domain.common.RequestIds;
import shop.verdant.domain.common.UnprocessableException;
import shop.verdant.domain.common.ValidationException;
import shop.verdant.domain.payments.Payment;
import shop.verdant.domain.payments.PaymentStatus;
import shop.verdant.domain.shopping.Order;
import shop.verdant.domain.shopping.OrderStatus;

/**
 * Paying orders (DESIGN "Payments"). {@link #start} opens a payment with the provider the customer chose;
 * {@link #sync} moves the shop's records towards what the provider reports now — webhooks and the
 * reconciliation both call it, so the order in which events arrive, duplicates and missed deliveries do not
 * matter: every step is guarded, and a step already taken is not taken again.
 */
public final class Payments {
    private static final int ROUNDS = 6;

    private final OrderStore orders;
    private final PaymentStore store;
    private final PaymentProviders providers;
    private final Clock clock;

    public Payments(OrderStore orders, PaymentStore store, PaymentProviders providers, Clock clock) {
        this.orders = orders;
        this.store = store;
        this.providers = providers;
        this.clock = clock;
    }

    /** A payment opened for an order; {@code replayed} when a retry got the payment an earlier call opened. */
    public record Started(Payment payment, Order order, String publicKey, boolean replayed) {
    }

    public Started start(String customerId, String orderId, String providerName, String idempotencyKey) {
        RequestIds.idempotencyKey(idempotencyKey, "way of paying");
        PaymentProvider provider = providers.chosen(providerName);
        RequestIds.orderId(orderId);
        Order order = orders.find(orderId).filter(o -> o.customerId().equals(customerId))
                .orElseThrow(() -> new NotFoundException("No such order."));
        List<Payment> existing = store.forOrder(orderId);
        for (Payment p : existing) {
            if (idempotencyKey.equals(p.idempotencyKey())) {
                if (!p.provider().equals(provider.name())) {
                    throw new UnprocessableException("idempotency-key-reused", "Idempotency-Key reused",
                            "This Idempotency-Key started a payment with " + p.provider() + "; use a new key for another way of paying.");
                }
                return new Started(p, orders.find(orderId).orElse(order), provider.publicKey(), true);
            }
        }
        Instant now = clock.instant();
        if (order.status().isSold()) {
            throw new ConflictException("order-already-paid", "Order already paid",
                    "This order is " + order.status() + "; there is nothing left to pay.", Map.of("status", order.status().name()));
        }
        if (!order.isPayable(now)) {
            throw new ConflictException("order-not-payable", "Order can no longer be paid",
                    order.status() == OrderStatus.PENDING_PAYMENT || order.status() == OrderStatus.EXPIRED
                            ? "The order's reservation ended; put its items back in the cart and order again."
                            : "The order was cancelled; put its items back in the cart and order again.",
                    Map.of("status", order.status() == OrderStatus.PENDING_PAYMENT ? OrderStatus.EXPIRED.name() : order.status().name()));
        }
        Optional<Money> limit = provider.limit();
        if (limit.isPresent() && !limit.get().isAtLeast(order.total())) {
            throw new UnprocessableException("over-provider-limit", "Not available for this amount",
                    "Cash on delivery is available for orders up to " + limit.get().currency() + " "
                            + limit.get().toDecimalString() + "; this one is " + order.total().toDecimalString() + ".");
        }
        // The provider's open payment serves every retry (a declined card is retried on the same one).
        for (Payment p : existing) {
            if (p.provider().equals(provider.name()) && (p.status() == PaymentStatus.PENDING || p.status() == PaymentStatus.FAILED)) {
                return new Started(p, order, provider.publicKey(), true);
            }
        }
        int attempt = (int) existing.stream().filter(p -> p.provider().equals(provider.name())).count() + 1;
        ProviderPayment opened = provider.start(order, attempt);
        Payment payment = new Payment(orderId, customerId, provider.name(), opened.reference(), PaymentStatus.PENDING,
                order.total(), Money.zero(order.total().currency()), opened.clientSecret(), null, idempotencyKey, now, now, 0);
        if (provider.confirmsOnStart()) {
            PaymentStore.Outcome outcome = store.confirm(order, payment, now);
            if (outcome == PaymentStore.Outcome.APPLIED) {
                cancelOthers(existing, payment);
                return new Started(payment, orders.find(orderId).orElseThrow(), provider.publicKey(), false);
            }
            Order raced = orders.find(orderId).orElseThrow();
            Optional<Payment> mine = store.find(provider.name(), payment.reference());
            if (mine.isPresent() && raced.status() == OrderStatus.CONFIRMED) {
                return new Started(mine.get(), raced, provider.publicKey(), true);
            }
            throw new ConflictException("order-not-payable", "Order can no longer be paid",
                    "The order is " + raced.status() + " now.", Map.of("status", raced.status().name()));
        }
        if (!store.create(payment)) {
            // a concurrent request opened it first: the same provider payment, so answer the recorded one
            return new Started(store.find(provider.name(), payment.reference()).orElseThrow(), order, provider.publicKey(), true);
        }
        return new Started(payment, order, provider.publicKey(), false);
    }

    /** Other providers' open payments for an order another way of paying has won: nobody may complete them. */
    private void cancelOthers(List<Payment> existing, Payment winner) {
        for (Payment p : existing) {
            if (!p.paymentId().equals(winner.paymentId()) && p.status() != PaymentStatus.SUCCEEDED) {
                try {
                    providers.get(p.provider()).cancel(p.reference());
                } catch (RuntimeException e) {
                    // a later success is refunded by sync as a second payment: nothing is lost
                }
            }
        }
    }

    /** What one sync did. */
    public record Synced(Kind kind, List<String> steps, String detail) {
        public enum Kind { APPLIED, NOTHING_TO_DO, DUPLICATE_EVENT, UNKNOWN_PAYMENT, MISMATCH }
    }

    /**
     * Brings the records of one payment in line with its provider's report: success sells the reserved stock
     * (or, after expiry, stock still available, else refunds), failure and cancellation are noted, refunds
     * and disputes are recorded. {@code eventId} (a webhook's) is recorded in the first change's transaction,
     * or on its own when nothing changes, so a redelivery is answered without acting twice.
     */
    public Synced sync(String providerName, String reference, String eventId) {
        Optional<Payment> known = store.find(providerName, reference);
        if (known.isEmpty()) {
            return new Synced(Synced.Kind.UNKNOWN_PAYMENT, List.of(), "no payment " + providerName + "#" + reference);
        }
        if (eventId != null && store.seen(eventId)) {
            return new Synced(Synced.Kind.DUPLICATE_EVENT, List.of(), eventId);
        }
        PaymentProvider provider = providers.get(providerName);
        ProviderPayment reported = provider.retrieve(reference);
        String mismatch = mismatch(known.get(), reported, provider.livemode());
        if (mismatch != null) {
            if (eventId != null) {
                store.recordEvent(eventId, clock.instant());
            }
            return new Synced(Synced.Kind.MISMATCH, List.of(), mismatch);
        }
        List<String> steps = new ArrayList<>();
        String event = eventId;
        for (int round = 0; round < ROUNDS; round++) {
            // the first round decides on the payment just read; a guard that fails sends it back to the store
            Payment payment = round == 0 ? known.get() : store.find(providerName, reference).orElseThrow();
            Order order = orders.find(payment.orderId()).orElseThrow(() -> new IllegalStateException("payment without order"));
            Instant now = clock.instant();
            Step step = next(order, payment, reported, provider);
            if (step == null) {
                if (event != null && !store.recordEvent(event, now) && steps.isEmpty()) {
                    return new Synced(Synced.Kind.DUPLICATE_EVENT, steps, event);
                }
                return new Synced(steps.isEmpty() ? Synced.Kind.NOTHING_TO_DO : Synced.Kind.APPLIED, steps, null);
            }
            PaymentStore.Outcome outcome = step.apply(event, now);
            switch (outcome) {
                case APPLIED -> {
                    steps.add(step.name());
                    event = null;
                }
                case DUPLICATE_EVENT -> {
                    return new Synced(steps.isEmpty() ? Synced.Kind.DUPLICATE_EVENT : Synced.Kind.APPLIED, steps, event);
                }
                case STOCK_SHORT -> {
                    // paid after the order let its stock go, and the stock is gone: give the money back
                    provider.refund(reference, Money.of(reported.amountReceivedMinor() - reported.refundedMinor(), reported.currency()),
                            "paid after the order expired; the items were sold out", "late-" + reference);
                    reported = provider.retrieve(reference);
                    store.update(payment.with(PaymentStatus.SUCCEEDED, "paid after the order " + order.status().name().toLowerCase()
                            + "; sold out, refunded", now).withRefunded(Money.of(reported.refundedMinor(), reported.currency()), now),
                            new PaymentStore.OrderChange(order.status(), order.status(), reported.refundedMinor(), null), event, now);
                    steps.add("refunded-late-payment");
                    event = null;
                }
                case STALE -> {
                    // someone else moved the order or the payment: read again and decide again
                }
            }
        }
        throw new ConflictException("busy", "Busy", "The payment kept changing while it was recorded; try again.", Map.of());
    }

    /** A refund an admin made; {@code restocked}: units of unshipped lines that went back on the shelf. */
    public record Refunded(Order order, Payment payment, long restocked, boolean replayed) {
    }

    /**
     * Refunds a paid order through its provider: {@code amountMinor} (all that is left when null). The key makes
     * it happen once: it is the provider's idempotency key and is recorded with the refund. A full refund puts
     * the stock of shipments that have not left back on the shelf, once.
     */
    public Refunded refund(String orderId, Long amountMinor, String reason, String idempotencyKey) {
        RequestIds.idempotencyKey(idempotencyKey, "refund");
        if (reason == null || reason.isBlank() || reason.length() > 200) {
            throw ValidationException.of("reason", "Is required: what the customer is told, at most 200 characters.");
        }
        RequestIds.orderId(orderId);
        Order order = orders.find(orderId).orElseThrow(() -> new NotFoundException("No such order."));
        String recordKey = "admin-refund:" + idempotencyKey;
        if (order.payment() == null || !order.status().isSold()) {
            throw new ConflictException("order-not-refundable", "Order cannot be refunded",
                    "Only a paid order can be refunded; this one is " + order.status() + ".", Map.of("status", order.status().name()));
        }
        Payment payment = store.find(order.payment().provider(), order.payment().reference()).orElseThrow();
        if (store.seen(recordKey)) {
            return new Refunded(order, payment, 0, true);
        }
        if (payment.status() != PaymentStatus.SUCCEEDED) {
            throw new ConflictException("nothing-collected", "Nothing to refund yet",
                    "The payment has not been collected (cash on delivery is paid at the door).", Map.of());
        }
        Money remaining = payment.amount().minus(payment.refunded());
        Money amount = amountMinor == null ? remaining : Money.of(amountMinor, remaining.currency());
        if (amount.minor() <= 0 || !remaining.isAtLeast(amount)) {
            throw ValidationException.of("amount", "Must be between 1 and " + remaining.minor() + " (minor units of "
                    + remaining.currency() + " not yet refunded).");
        }
        PaymentProvider provider = providers.get(payment.provider());
        try {
            provider.refund(payment.reference(), amount, reason.strip(), "admin-" + idempotencyKey);
        } catch (PaymentProvider.Refused e) {
            throw new UnprocessableException("refund-refused", "Refund refused", "The payment provider refused the refund: "
                    + e.getMessage());
        }
        sync(payment.provider(), payment.reference(), recordKey);   // records the refund, and the key with it
        Order after = orders.find(orderId).orElseThrow();
        long restocked = after.status() == OrderStatus.REFUNDED ? store.restockUnshipped(after, clock.instant()) : 0;
        return new Refunded(after, store.find(payment.provider(), payment.reference()).orElseThrow(), restocked, false);
    }

    /**
     * Applies what webhooks missed: every payment not final yet and quiet for {@code quietFor} is synced with
     * its provider, and one whose order can no longer be paid is cancelled at the provider so nobody pays it
     * later. Answers how many payments changed.
     */
    public int reconcile(java.time.Duration quietFor, int limit) {
        int changed = 0;
        Instant now = clock.instant();
        for (Payment p : store.open(now.minus(quietFor), limit)) {
            PaymentProvider provider = providers.get(p.provider());
            if (provider.confirmsOnStart()) {
                continue;   // cash on delivery is settled at the door, not by a provider's report
            }
            if (sync(p.provider(), p.reference(), null).kind() == Synced.Kind.APPLIED) {
                changed++;
            }
            Payment after = store.find(p.provider(), p.reference()).orElseThrow();
            Order order = orders.find(p.orderId()).orElse(null);
            boolean stillOpen = after.status() == PaymentStatus.PENDING || after.status() == PaymentStatus.FAILED;
            if (stillOpen && (order == null || !order.isPayable(clock.instant()))) {
                provider.cancel(p.reference());
                if (sync(p.provider(), p.reference(), null).kind() == Synced.Kind.APPLIED) {
                    changed++;
                }
            }
        }
        return changed;
    }

    /** One guarded change towards the provider's report: applied with the event id (or null) and the time. */
    private record Step(String name, java.util.function.BiFunction<String, Instant, PaymentStore.Outcome> change) {
        PaymentStore.Outcome apply(String eventId, Instant at) {
            return change.apply(eventId, at);
        }
    }

    private static Step step(String name, java.util.function.BiFunction<String, Instant, PaymentStore.Outcome> change) {
        return new Step(name, change);
    }

    private Step next(Order order, Payment payment, ProviderPayment reported, PaymentProvider provider) {
        Instant now = clock.instant();
        if (reported.status() == PaymentStatus.SUCCEEDED && payment.status() != PaymentStatus.SUCCEEDED) {
            Payment succeeded = payment.with(PaymentStatus.SUCCEEDED, null, now);
            boolean paidByThis = order.payment() != null && payment.reference().equals(order.payment().reference());
            if (order.status() == OrderStatus.PENDING_PAYMENT) {
                return step("paid", (e, at) -> store.pay(order, succeeded, e, at));
            }
            if ((order.status() == OrderStatus.EXPIRED || order.status() == OrderStatus.CANCELLED) && !paidByThis) {
                return step("paid-after-" + order.status().name().toLowerCase(), (e, at) -> store.repossessAndPay(order, succeeded, e, at));
            }
            if (!paidByThis && order.status().isSold()) {
                // a second way of paying succeeded for an order already paid: this money goes back
                return step("refunded-second-payment", (e, at) -> {
                    provider.refund(payment.reference(), Money.of(reported.amountReceivedMinor() - reported.refundedMinor(),
                            reported.currency()), "the order was already paid", "duplicate-" + payment.reference());
                    ProviderPayment after = provider.retrieve(payment.reference());
                    return store.update(succeeded.withRefunded(Money.of(after.refundedMinor(), after.currency()), at)
                            .with(PaymentStatus.SUCCEEDED, "a second payment for a paid order; refunded", at), null, e, at);
                });
            }
            return step("payment-succeeded", (e, at) -> store.update(succeeded, null, e, at));
        }
        if (reported.status() != PaymentStatus.SUCCEEDED && reported.status() != PaymentStatus.PENDING
                && payment.status().mayBecome(reported.status())) {
            return step(reported.status() == PaymentStatus.FAILED ? "payment-failed" : "payment-canceled",
                    (e, at) -> store.update(payment.with(reported.status(), reported.lastError(), at), null, e, at));
        }
        if (reported.status() == PaymentStatus.FAILED && payment.status() == PaymentStatus.FAILED
                && reported.lastError() != null && !reported.lastError().equals(payment.lastError())) {
            return step("payment-failed", (e, at) -> store.update(payment.with(PaymentStatus.FAILED, reported.lastError(), at), null, e, at));
        }
        if (payment.status() == PaymentStatus.SUCCEEDED && reported.refundedMinor() > payment.refunded().minor()) {
            boolean paidByThis = order.payment() != null && payment.reference().equals(order.payment().reference());
            Money refunded = Money.of(reported.refundedMinor(), reported.currency());
            OrderStatus to = paidByThis && refunded.equals(payment.amount()) && order.status() == OrderStatus.PAID
                    ? OrderStatus.REFUNDED : order.status();
            return step(refunded.equals(payment.amount()) ? "refunded" : "partially-refunded",
                    (e, at) -> store.update(payment.withRefunded(refunded, at),
                            paidByThis ? new PaymentStore.OrderChange(order.status(), to, reported.refundedMinor(), null) : null, e, at));
        }
        if (payment.status() == PaymentStatus.SUCCEEDED && order.payment() != null
                && payment.reference().equals(order.payment().reference())
                && order.payment().refundedMinor() != payment.refunded().minor()) {
            // the payment's refunds are recorded (cash handed back, or an earlier step): the order follows
            OrderStatus to = payment.fullyRefunded() && order.status() == OrderStatus.PAID ? OrderStatus.REFUNDED : order.status();
            return step(payment.fullyRefunded() ? "order-refunded" : "order-partially-refunded",
                    (e, at) -> store.update(payment.with(payment.status(), payment.lastError(), at),
                            new PaymentStore.OrderChange(order.status(), to, payment.refunded().minor(), null), e, at));
        }
        boolean disputedHere = order.payment() != null && order.payment().disputed();
        if (reported.disputed() && !disputedHere && order.payment() != null && payment.reference().equals(order.payment().reference())) {
            return step("disputed", (e, at) -> store.update(payment.with(payment.status(), payment.lastError(), at),
                    new PaymentStore.OrderChange(order.status(), order.status(), null, true), e, at));
        }
        return null;
    }

    /** What must agree before anything is applied; a difference is flagged, never acted on. */
    private static String mismatch(Payment stored, ProviderPayment reported, boolean livemode) {
        if (!stored.orderId().equals(reported.orderId())) {
            return "order id: stored " + stored.orderId() + ", provider " + reported.orderId();
        }
        if (!stored.amount().currency().equals(reported.currency())) {
            return "currency: stored " + stored.amount().currency() + ", provider " + reported.currency();
        }
        if (stored.amount().minor() != reported.amountMinor()) {
            return "amount: stored " + stored.amount().minor() + ", provider " + reported.amountMinor();
        }
        if (reported.status() == PaymentStatus.SUCCEEDED && reported.amountReceivedMinor() != stored.amount().minor()) {
            return "amount received: " + reported.amountReceivedMinor() + " of " + stored.amount().minor();
        }
        if (reported.livemode() != livemode) {
            return "livemode: provider says " + reported.livemode();
        }
        return null;
    }
}

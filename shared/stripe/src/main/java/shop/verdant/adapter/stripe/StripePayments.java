package shop.verdant.adapter.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeError;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.RefundCreateParams;
import java.util.Locale;
import java.util.Optional;
import shop.verdant.application.payments.port.PaymentProvider;
import shop.verdant.application.payments.port.ProviderPayment;
import shop.verdant.config.Env;
import shop.verdant.config.SecretSource;
import shop.verdant.domain.common.Money;
import shop.verdant.domain.payments.PaymentStatus;
import shop.verdant.domain.shopping.Order;

/**
 * Stripe as a {@link PaymentProvider}, through stripe-java: a PaymentIntent per order and attempt (its
 * idempotency key is derived from both, so a retry — ours or stripe-java's own on a timeout, a 429 or a 5xx —
 * finds the same intent), read back with its latest charge for refunds and disputes. {@code STRIPE_API_BASE}
 * points it at the local stand-in; without it, at Stripe.
 */
public final class StripePayments implements PaymentProvider {
    public static final String NAME = "stripe";
    /** Well under API Gateway's 29 s: a slow Stripe answers the shopper with a 503, not a gateway timeout. */
    static final int READ_TIMEOUT_MS = 10_000;

    private final StripeClient client;
    private final String publishableKey;
    private final boolean livemode;

    public StripePayments(StripeClient client, String publishableKey, boolean livemode) {
        this.client = client;
        this.publishableKey = publishableKey;
        this.livemode = livemode;
    }

    /** The secret key from {@code STRIPE_SECRET_KEY} (Secrets Manager on AWS), the rest from settings. */
    public static StripePayments fromEnvironment(SecretSource secrets) {
        String key = secrets.get("STRIPE_SECRET_KEY");
        StripeClient.StripeClientBuilder builder = StripeClient.builder().setApiKey(key)
                .setConnectTimeout(3_000).setReadTimeout(Integer.parseInt(Env.get("STRIPE_READ_TIMEOUT_MS", "" + READ_TIMEOUT_MS)))
                .setMaxNetworkRetries(2);
        String base = Env.get("STRIPE_API_BASE", null);
        if (base != null) {
            builder.setApiBase(base);
        }
        return new StripePayments(builder.build(), Env.require("STRIPE_PUBLISHABLE_KEY"), key.startsWith("sk_live_"));
    }

    /**
     * Loads stripe-java's JSON model (gson, PaymentIntent, Charge, Event) with no key and no call: what a
     * SnapStart priming hook may do, since a secret must never be in the snapshot.
     */
    public static ProviderPayment primeClasses() {
        var event = com.stripe.net.Webhook.constructEventWithoutVerification("{\"id\":\"evt_priming\",\"object\":\"event\","
                + "\"api_version\":\"2026-07-29.dahlia\",\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":"
                + "{\"id\":\"pi_priming\",\"object\":\"payment_intent\",\"amount\":100,\"currency\":\"eur\","
                + "\"status\":\"requires_payment_method\",\"metadata\":{\"orderId\":\"priming\"},"
                + "\"latest_charge\":{\"id\":\"ch_priming\",\"object\":\"charge\",\"amount_refunded\":0}}}}");
        PaymentIntent intent = (PaymentIntent) event.getDataObjectDeserializer().getObject().orElseThrow();
        return view(intent, intent.getLatestChargeObject());
    }

    /** The Stripe idempotency key of an order's n-th attempt: the same attempt always opens the same intent. */
    static String intentKey(String orderId, int attempt) {
        return "verdant-order-" + orderId + "-attempt-" + attempt;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean confirmsOnStart() {
        return false;
    }

    @Override
    public Optional<Money> limit() {
        return Optional.empty();
    }

    @Override
    public String publicKey() {
        return publishableKey;
    }

    @Override
    public boolean livemode() {
        return livemode;
    }

    @Override
    public ProviderPayment start(Order order, int attempt) {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(order.total().minor())
                .setCurrency(order.total().currency().toLowerCase(Locale.ROOT))
                .setDescription("Verdant order " + order.orderId())
                .putMetadata("orderId", order.orderId())
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder().setEnabled(true).build())
                .build();
        return call(() -> view(client.v1().paymentIntents().create(params,
                RequestOptions.builder().setIdempotencyKey(intentKey(order.orderId(), attempt)).build()), null));
    }

    @Override
    public ProviderPayment retrieve(String reference) {
        return call(() -> {
            PaymentIntent intent = client.v1().paymentIntents().retrieve(reference,
                    PaymentIntentRetrieveParams.builder().addExpand("latest_charge").build());
            return view(intent, intent.getLatestChargeObject());
        });
    }

    @Override
    public void cancel(String reference) {
        call(() -> {
            try {
                client.v1().paymentIntents().cancel(reference);
            } catch (com.stripe.exception.InvalidRequestException e) {
                // already succeeded or cancelled: nothing to cancel
                if (!"payment_intent_unexpected_state".equals(e.getCode())) {
                    throw e;
                }
            }
            return null;
        });
    }

    @Override
    public ProviderPayment refund(String reference, Money amount, String reason, String idempotencyKey) {
        return call(() -> {
            client.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(reference).setAmount(amount.minor())
                            .putMetadata("reason", reason).build(),
                    RequestOptions.builder().setIdempotencyKey("verdant-refund-" + idempotencyKey).build());
            return retrieve(reference);
        });
    }

    private static ProviderPayment view(PaymentIntent intent, Charge charge) {
        StripeError error = intent.getLastPaymentError();
        PaymentStatus status = switch (intent.getStatus()) {
            case "succeeded" -> PaymentStatus.SUCCEEDED;
            case "canceled" -> PaymentStatus.CANCELED;
            case "requires_payment_method" -> error != null ? PaymentStatus.FAILED : PaymentStatus.PENDING;
            default -> PaymentStatus.PENDING;
        };
        String lastError = error == null ? null
                : (error.getDeclineCode() != null ? error.getDeclineCode() : error.getCode()) + ": " + error.getMessage();
        return new ProviderPayment(intent.getId(), status, intent.getAmount(),
                intent.getAmountReceived() == null ? 0 : intent.getAmountReceived(),
                intent.getCurrency().toUpperCase(Locale.ROOT), Boolean.TRUE.equals(intent.getLivemode()),
                intent.getMetadata() == null ? null : intent.getMetadata().get("orderId"),
                charge == null || charge.getAmountRefunded() == null ? 0 : charge.getAmountRefunded(),
                charge != null && Boolean.TRUE.equals(charge.getDisputed()), lastError, intent.getClientSecret());
    }

    private interface StripeCall<T> {
        T run() throws StripeException;
    }

    /** Stripe's faults (after stripe-java's own retries) are {@link Unavailable}; its refusals are {@link Refused}. */
    private static <T> T call(StripeCall<T> call) {
        try {
            return call.run();
        } catch (ApiConnectionException | RateLimitException | ApiException e) {
            throw new Unavailable("Stripe is unavailable: " + e.getMessage(), e);
        } catch (StripeException e) {
            if (e.getStatusCode() != null && e.getStatusCode() >= 500) {
                throw new Unavailable("Stripe failed: " + e.getMessage(), e);
            }
            throw new Refused(e.getCode() == null ? "stripe_error" : e.getCode(), e.getMessage());
        }
    }
}

package shop.verdant.payments;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import shop.verdant.adapter.stripe.StripePayments;
import shop.verdant.adapter.stripe.StripeWebhooks;
import shop.verdant.application.payments.Payments;
import shop.verdant.application.payments.port.PaymentProvider;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Log;
import shop.verdant.http.Problem;

/**
 * POST /api/webhooks/stripe (no authorizer; Stripe signs it). The signature is checked on the raw body
 * (base64-decoded when API Gateway says so) before anything is read or written: a forgery is a 400 and
 * writes nothing. Then the PaymentIntent the event names is read back from Stripe and the shop's records
 * follow it, with the event id recorded in the same transaction as the change, so a duplicate is a 200
 * no-op. A fault of ours (DynamoDB, Stripe unreachable) is a 5xx, so Stripe delivers again.
 */
public final class StripeWebhookHandler extends PaymentsHandler {
    /** The event types that can change a payment; any other is answered 200 and ignored. */
    static final Set<String> HANDLED = Set.of("payment_intent.succeeded", "payment_intent.payment_failed",
            "payment_intent.canceled", "payment_intent.processing", "charge.refunded", "charge.refund.updated",
            "refund.created", "refund.updated", "refund.failed", "charge.dispute.created", "charge.dispute.closed");

    public StripeWebhookHandler() {
        this(PaymentsWiring.SERVICES);
    }

    public StripeWebhookHandler(Supplier<PaymentsWiring.Services> services) {
        super(services);
    }

    /** Stripe calls this route: what it changes is on the audit log as made by the webhook. */
    @Override
    protected shop.verdant.domain.audit.Actor actor(ApiRequest request, String requestId) {
        return shop.verdant.domain.audit.Actor.system("webhook", requestId);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        String raw = request.body();
        if (raw != null && request.isBase64Encoded()) {
            raw = new String(Base64.getDecoder().decode(raw), StandardCharsets.UTF_8);
        }
        StripeWebhooks.Verified event;
        try {
            event = services().webhooks().get().verify(raw, request.header("Stripe-Signature"));
        } catch (StripeWebhooks.Forged e) {
            metrics().count("WebhookSignatureFailures");
            Log.warn("webhook signature refused: " + e.getMessage(), null);
            return ApiResponse.problem(Problem.of("invalid-signature", "Invalid signature", 400,
                    "The Stripe-Signature header does not verify for this body.", request.requestId()));
        }
        if (!HANDLED.contains(event.type()) || event.paymentIntent() == null) {
            return ApiResponse.privateJson(200, Map.of("received", true, "ignored", event.type()));
        }
        Payments.Synced synced;
        try {
            synced = services().payments().sync(StripePayments.NAME, event.paymentIntent(), event.id());
        } catch (PaymentProvider.Unavailable e) {
            Log.warn("webhook: Stripe unavailable, asking for redelivery", e);
            return ApiResponse.problem(Problem.of("provider-unavailable", "Try again", 503,
                    "Stripe could not be read back; deliver again.", request.requestId()));
        }
        switch (synced.kind()) {
            case MISMATCH -> {
                metrics().count("PaymentMismatches");
                Log.warn("webhook " + event.id() + " for " + event.paymentIntent() + " not applied: " + synced.detail(), null);
            }
            case UNKNOWN_PAYMENT -> {
                metrics().count("WebhookUnknownPayments");
                Log.warn("webhook " + event.id() + ": " + synced.detail(), null);
            }
            case DUPLICATE_EVENT -> metrics().count("WebhookDuplicates");
            case APPLIED -> metrics().count("WebhookChanges");
            case NOTHING_TO_DO -> { }
        }
        return ApiResponse.privateJson(200, Map.of("received", true, "result", synced.kind().name(), "steps", synced.steps()));
    }
}

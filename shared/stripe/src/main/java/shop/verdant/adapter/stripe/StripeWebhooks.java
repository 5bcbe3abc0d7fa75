package shop.verdant.adapter.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import java.time.Clock;
import shop.verdant.http.Json;

/**
 * Verifies a Stripe webhook delivery: the {@code Stripe-Signature} header's HMAC-SHA256 over the raw body
 * with the endpoint's signing secret, within {@link #TOLERANCE_SECONDS} of its timestamp; then names the
 * PaymentIntent the event is about, whatever its object (intent, charge, refund, dispute).
 */
public final class StripeWebhooks {
    /** Stripe's default, against replays of an old delivery. */
    public static final long TOLERANCE_SECONDS = 300;

    private final String signingSecret;
    private final Clock clock;

    public StripeWebhooks(String signingSecret, Clock clock) {
        this.signingSecret = signingSecret;
        this.clock = clock;
    }

    /** A verified event: its id, type, and the PaymentIntent it concerns (null when none). */
    public record Verified(String id, String type, String paymentIntent, boolean livemode) {
    }

    /** Thrown for a delivery whose signature does not verify: answered 400, nothing written. */
    public static final class Forged extends RuntimeException {
        public Forged(String message) {
            super(message);
        }
    }

    public Verified verify(String rawBody, String signatureHeader) {
        if (rawBody == null || signatureHeader == null || signatureHeader.isBlank()) {
            throw new Forged("missing body or Stripe-Signature header");
        }
        Event event;
        try {
            event = Webhook.constructEvent(rawBody, signatureHeader, signingSecret, TOLERANCE_SECONDS, clock);
        } catch (SignatureVerificationException e) {
            throw new Forged(e.getMessage());
        } catch (RuntimeException e) {
            // a signature over something that is not an event (stripe-java's JSON parser refused it)
            throw new Forged("not an event: " + e.getClass().getSimpleName());
        }
        JsonNode object;
        try {
            object = Json.read(rawBody, JsonNode.class).path("data").path("object");
        } catch (RuntimeException e) {
            throw new Forged("not an event");
        }
        String kind = object.path("object").asText("");
        String intent = switch (kind) {
            case "payment_intent" -> object.path("id").asText(null);
            case "charge", "refund", "dispute" -> object.path("payment_intent").isTextual() ? object.path("payment_intent").asText()
                    : object.path("payment_intent").path("id").asText(null);
            default -> null;
        };
        return new Verified(event.getId(), event.getType(), intent, Boolean.TRUE.equals(event.getLivemode()));
    }
}

package shop.verdant.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.net.Webhook;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import shop.verdant.adapter.stripe.StripeWebhooks;

/**
 * The events/stripe fixtures — one per event type the webhook handles, in Stripe's shapes for the API version
 * stripe-java 33.3 pins — verify with the signing secret, name their PaymentIntent whatever their object, and
 * parse into stripe-java's own model classes.
 */
class StripeWebhookFixturesTest {
    static final String SECRET = "whsec_fixture_secret";
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    final StripeWebhooks webhooks = new StripeWebhooks(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    static String fixture(String type) throws Exception {
        try (InputStream in = StripeWebhookFixturesTest.class.getResourceAsStream("/events/stripe/" + type + ".json")) {
            assertThat(in).as("events/stripe/" + type + ".json").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String sign(String payload, long t, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everyHandledTypeHasAFixtureThatVerifiesNamesItsIntentAndParses() throws Exception {
        for (String type : StripeWebhookHandler.HANDLED) {
            String payload = fixture(type);
            StripeWebhooks.Verified v = webhooks.verify(payload, sign(payload, NOW.getEpochSecond(), SECRET));
            assertThat(v.type()).isEqualTo(type);
            assertThat(v.id()).startsWith("evt_");
            assertThat(v.paymentIntent()).as(type).isEqualTo("pi_3VerdantFixture0001");
            assertThat(v.livemode()).isFalse();
            var event = Webhook.constructEventWithoutVerification(payload);
            assertThat(event.getDataObjectDeserializer().getObject()).as(type + " parses into stripe-java's model").isPresent();
        }
    }

    @Test
    void aSignatureIsCheckedOnTheExactBytes_withinFiveMinutes() throws Exception {
        String payload = fixture("payment_intent.succeeded");
        long t = NOW.getEpochSecond();
        assertThat(webhooks.verify(payload, sign(payload, t - 299, SECRET)).id()).isNotNull();
        assertThatThrownBy(() -> webhooks.verify(payload, sign(payload, t - 301, SECRET))).isInstanceOf(StripeWebhooks.Forged.class);
        assertThatThrownBy(() -> webhooks.verify(payload.replace("2495", "2496"), sign(payload, t, SECRET)))
                .isInstanceOf(StripeWebhooks.Forged.class);
        assertThatThrownBy(() -> webhooks.verify(payload, sign(payload, t, "whsec_other"))).isInstanceOf(StripeWebhooks.Forged.class);
        assertThatThrownBy(() -> webhooks.verify(payload, "")).isInstanceOf(StripeWebhooks.Forged.class);
        assertThatThrownBy(() -> webhooks.verify(payload, "v1=" + "0".repeat(64))).isInstanceOf(StripeWebhooks.Forged.class);
        // a genuine signature over something that is not an event is refused too, not a 500
        assertThatThrownBy(() -> webhooks.verify("not json", sign("not json", t, SECRET))).isInstanceOf(StripeWebhooks.Forged.class);
    }

    @Test
    void primingLoadsStripesModelWithoutAKeyOrACall() {
        // what the SnapStart hook runs, with no client built (so no key to bake in): the model and its mapping load
        var primed = shop.verdant.adapter.stripe.StripePayments.primeClasses();
        assertThat(primed.reference()).isEqualTo("pi_priming");
        assertThat(primed.status()).isEqualTo(shop.verdant.domain.payments.PaymentStatus.PENDING);
        assertThat(primed.orderId()).isEqualTo("priming");
    }
}

package shop.verdant.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.verdant.adapter.dynamodb.DynamoDb;
import shop.verdant.adapter.dynamodb.DynamoDbStores;
import shop.verdant.application.payments.port.PaymentStore;
import shop.verdant.config.SecretSource;
import shop.verdant.contract.Tables;
import shop.verdant.domain.payments.Payment;
import shop.verdant.domain.shopping.Order;
import shop.verdant.http.Json;
import shop.verdant.payments.PaymentsWiring;
import shop.verdant.payments.StripeWebhookHandler;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What goes wrong around a payment, on the running local shop (DynamoDB Local, the Stripe stand-in through
 * stripe-java): forged webhooks, a payment request sent twenty times at once, Stripe answering 500 or 429 or
 * losing its answer, and DynamoDB failing while a webhook is applied.
 */
class PaymentFaultsTest {
    static StripeStandIn stripe;

    @BeforeAll
    static void pause() {
        stripe = TestShop.get().stripe();
        stripe.pauseDeliveries(true);   // these tests deliver (or forge) the webhooks themselves
    }

    @AfterAll
    static void resume() {
        stripe.pauseDeliveries(false);
    }

    static String intentOf(JsonNode started) {
        String secret = started.get("clientSecret").asText();
        return secret.substring(0, secret.indexOf("_secret_"));
    }

    /** A placed order with a Stripe payment whose intent has succeeded at the stand-in (no webhook sent). */
    static String[] paidAtStripe() throws Exception {
        String token = Api.customerA();
        String orderId = PaymentsTest.placeOrder(token, Api.productWithPlentyOfStock(), 1);
        Api.Response started = PaymentsTest.pay(token, orderId, "stripe", "pay-" + UUID.randomUUID());
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(PaymentsTest.confirm(started.json(), "pm_card_visa").statusCode()).isEqualTo(200);
        return new String[] {orderId, intentOf(started.json())};
    }

    static Map<String, Object> succeededEvent(String intent) {
        Map<String, Object> last = null;
        for (Map<String, Object> e : stripe.events()) {
            if (e.get("type").equals("payment_intent.succeeded") && e.toString().contains(intent)) {
                last = e;
            }
        }
        assertThat(last).as("the stand-in made the event").isNotNull();
        return last;
    }

    static HttpResponse<String> deliver(String payload, String signature) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(TestShop.get().url() + "api/webhooks/stripe"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(payload));
        if (signature != null) {
            b.header("Stripe-Signature", signature);
        }
        return Api.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static boolean processed(String eventId) {
        Map<String, AttributeValue> item = DynamoDb.client().getItem(b -> b.tableName(Tables.PROCESSED_EVENTS.logicalName())
                .key(Map.of("eventId", AttributeValue.fromS(eventId))).consistentRead(true)).item();
        return item != null && !item.isEmpty();
    }

    @Test
    void forgedWebhooksAre400AndWriteNothing_theGenuineOnePaysTheOrder() throws Exception {
        String[] paid = paidAtStripe();
        String orderId = paid[0];
        Map<String, Object> event = succeededEvent(paid[1]);
        String payload = Json.write(event);
        String eventId = (String) event.get("id");
        long now = Instant.now().getEpochSecond();
        String good = stripe.signature(payload, now);
        StripeStandIn otherSecret = new StripeStandIn("sk", "pk", "whsec_not_the_shops", () -> null, StripeStandIn.Delivery.PROMPT, Clock.systemUTC());
        List<String[]> forgeries = List.of(
                new String[] {"wrong secret", payload, otherSecret.signature(payload, now)},
                new String[] {"stale timestamp", payload, stripe.signature(payload, now - 301)},
                new String[] {"one changed byte", payload.replaceFirst("\"amount\":(\\d)", "\"amount\":9"), good},
                new String[] {"missing header", payload, null},
                new String[] {"malformed header", payload, "t=abc,v1"},
                new String[] {"signature of another body", payload, stripe.signature(payload + " ", now)});
        for (String[] f : forgeries) {
            HttpResponse<String> answer = deliver(f[1], f[2]);
            assertThat(answer.statusCode()).as(f[0]).isEqualTo(400);
            assertThat(answer.headers().firstValue("content-type")).contains("application/problem+json");
            assertThat(answer.body()).as(f[0]).contains("invalid-signature").doesNotContain("Exception");
        }
        otherSecret.close();
        assertThat(processed(eventId)).as("no forgery recorded the event").isFalse();
        assertThat(PaymentsTest.order(Api.customerA(), orderId).get("status").asText()).isEqualTo("PENDING_PAYMENT");

        HttpResponse<String> genuine = deliver(payload, good);
        assertThat(genuine.statusCode()).as(genuine.body()).isEqualTo(200);
        assertThat(PaymentsTest.order(Api.customerA(), orderId).get("status").asText()).isEqualTo("PAID");
        assertThat(processed(eventId)).isTrue();
        // the same delivery again: answered 200, nothing applied twice
        HttpResponse<String> again = deliver(payload, stripe.signature(payload, Instant.now().getEpochSecond()));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("DUPLICATE_EVENT");
    }

    @Test
    void aPaymentWhoseAmountDiffersFromStripesIsFlaggedNeverApplied() throws Exception {
        String[] paid = paidAtStripe();
        // the stored payment says one amount, Stripe another (a bug, or an intent tampered with): nothing may move
        TestShop.writer().updateItem(b -> b.tableName(Tables.PAYMENTS.logicalName())
                .key(Map.of("paymentId", AttributeValue.fromS("stripe#" + paid[1])))
                .updateExpression("SET amountMinor = :other").expressionAttributeValues(Map.of(":other", AttributeValue.fromN("1"))));
        Map<String, Object> event = succeededEvent(paid[1]);
        String payload = Json.write(event);
        HttpResponse<String> answer = deliver(payload, stripe.signature(payload, Instant.now().getEpochSecond()));
        assertThat(answer.statusCode()).as("answered, so Stripe stops retrying what will never apply").isEqualTo(200);
        assertThat(answer.body()).contains("MISMATCH");
        assertThat(PaymentsTest.order(Api.customerA(), paid[0]).get("status").asText()).isEqualTo("PENDING_PAYMENT");
        assertThat(processed((String) event.get("id"))).isTrue();
    }

    @Test
    void onePaymentRequestSentTwentyTimesAtOnceOpensOneIntent() throws Exception {
        String token = Api.customerA();
        String orderId = PaymentsTest.placeOrder(token, Api.productWithPlentyOfStock(), 1);
        int before = stripe.intentsCreated();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Api.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                // half retry one key, half are other tabs with keys of their own: still one intent per order
                String key = i % 2 == 0 ? "same-key-" + orderId : "tab-" + i + "-" + UUID.randomUUID();
                calls.add(() -> PaymentsTest.pay(token, orderId, "stripe", key));
            }
            Set<String> secrets = new java.util.HashSet<>();
            for (Future<Api.Response> f : pool.invokeAll(calls)) {
                Api.Response r = f.get();
                assertThat(r.status()).as(r.body()).isIn(200, 201);
                secrets.add(r.json().get("clientSecret").asText());
            }
            assertThat(secrets).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(stripe.intentsCreated() - before).as("PaymentIntents created at Stripe").isEqualTo(1);
    }

    @Test
    void stripeFaultsAreRetriedWithTheSameKey_neverADuplicateIntentOrRefund() throws Exception {
        String token = Api.customerA();
        int before = stripe.intentsCreated();

        String first = PaymentsTest.placeOrder(token, Api.productWithPlentyOfStock(), 1);
        stripe.failNext(1, 500);   // stripe-java retries a 5xx itself, with the same idempotency key
        Api.Response afterError = PaymentsTest.pay(token, first, "stripe", "k-" + UUID.randomUUID());
        assertThat(afterError.status()).as(afterError.body()).isEqualTo(201);

        String second = PaymentsTest.placeOrder(token, Api.productWithPlentyOfStock(), 1);
        stripe.failNext(3, 429);   // rate limited: the shopper gets a 503 problem; nothing recorded
        String key = "k-" + UUID.randomUUID();
        Api.Response limited = PaymentsTest.pay(token, second, "stripe", key);
        assertThat(limited.status()).as(limited.body()).isEqualTo(503);
        assertThat(limited.json().get("detail").asText()).contains("nothing was charged");
        Api.Response later = PaymentsTest.pay(token, second, "stripe", key);
        for (int i = 0; i < 3 && later.status() == 503; i++) {
            later = PaymentsTest.pay(token, second, "stripe", key);   // the shopper tries again while 429s remain
        }
        assertThat(later.status()).as(later.body()).isEqualTo(201);

        String third = PaymentsTest.placeOrder(token, Api.productWithPlentyOfStock(), 1);
        stripe.hangNext(1, 2_500);   // Stripe made the intent but its answer is lost past the 1.5 s read timeout
        String lostKey = "k-" + UUID.randomUUID();
        Api.Response lost = PaymentsTest.pay(token, third, "stripe", lostKey);
        Api.Response retried = lost.status() == 503 ? PaymentsTest.pay(token, third, "stripe", lostKey) : lost;
        assertThat(retried.status()).as(retried.body()).isIn(200, 201);
        assertThat(stripe.intentsCreated() - before).as("one intent per order, whatever failed").isEqualTo(3);

        // a refund whose first answer is a 500 is refunded once
        var services = PaymentsWiring.create(DynamoDbStores.fromEnvironment(TestShop.writer()), SecretSource.settings(), Clock.systemUTC());
        assertThat(PaymentsTest.confirm(retried.json(), "pm_card_visa").statusCode()).isEqualTo(200);
        String intent = intentOf(retried.json());
        services.payments().sync("stripe", intent, null);
        int refundsBefore = stripe.refundsCreated();
        stripe.failNext(1, 500);
        var provider = services.providers().get("stripe");
        var after = provider.refund(intent, shop.verdant.domain.common.Money.of(100, "EUR"), "requested", "refund-" + intent);
        provider.refund(intent, shop.verdant.domain.common.Money.of(100, "EUR"), "requested", "refund-" + intent);
        assertThat(stripe.refundsCreated() - refundsBefore).isEqualTo(1);
        assertThat(after.refundedMinor()).isEqualTo(100);
    }

    @Test
    void aDynamoDbFailureInTheWebhookIsA5xx_andTheRedeliveryConverges() throws Exception {
        String[] paid = paidAtStripe();
        Map<String, Object> event = succeededEvent(paid[1]);
        String payload = Json.write(event);
        var real = PaymentsWiring.create(DynamoDbStores.fromEnvironment(TestShop.writer()), SecretSource.settings(), Clock.systemUTC());
        AtomicInteger failures = new AtomicInteger(1);
        PaymentStore failing = new FailingStore(DynamoDbStores.fromEnvironment().payments(), failures);
        var broken = new PaymentsWiring.Services(new shop.verdant.application.payments.Payments(
                DynamoDbStores.fromEnvironment().orders(), failing, real.providers(), Clock.systemUTC()), real.providers(), real.webhooks());
        var handler = new StripeWebhookHandler(() -> broken);
        var first = handler.handleRequest(webhookEvent(payload), null);
        assertThat(first.getStatusCode()).as("Stripe must deliver again").isEqualTo(500);
        assertThat(PaymentsTest.order(Api.customerA(), paid[0]).get("status").asText()).isEqualTo("PENDING_PAYMENT");
        assertThat(processed((String) event.get("id"))).isFalse();
        var second = handler.handleRequest(webhookEvent(payload), null);
        assertThat(second.getStatusCode()).as(second.getBody()).isEqualTo(200);
        assertThat(PaymentsTest.order(Api.customerA(), paid[0]).get("status").asText()).isEqualTo("PAID");
        assertThat(processed((String) event.get("id"))).isTrue();
    }

    static APIGatewayProxyRequestEvent webhookEvent(String payload) {
        return new APIGatewayProxyRequestEvent().withHttpMethod("POST").withPath("/api/webhooks/stripe")
                .withHeaders(Map.of("Stripe-Signature", stripe.signature(payload, Instant.now().getEpochSecond())))
                .withBody(payload);
    }

    /** The real store, whose transactions fail {@code failures} times first, as DynamoDB can (throttling, a timeout). */
    record FailingStore(PaymentStore real, AtomicInteger failures) implements PaymentStore {
        private void maybeFail() {
            if (failures.getAndDecrement() > 0) {
                throw software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException.builder()
                        .message("injected throttling").build();
            }
        }

        public java.util.Optional<Payment> find(String provider, String reference) {
            return real.find(provider, reference);
        }

        public List<Payment> forOrder(String orderId) {
            return real.forOrder(orderId);
        }

        public boolean create(Payment payment) {
            return real.create(payment);
        }

        public Outcome pay(Order order, Payment payment, String eventId, Instant at) {
            maybeFail();
            return real.pay(order, payment, eventId, at);
        }

        public Outcome repossessAndPay(Order order, Payment payment, String eventId, Instant at) {
            maybeFail();
            return real.repossessAndPay(order, payment, eventId, at);
        }

        public Outcome confirm(Order order, Payment payment, Instant at) {
            return real.confirm(order, payment, at);
        }

        public Outcome update(Payment next, OrderChange orderChange, String eventId, Instant at) {
            maybeFail();
            return real.update(next, orderChange, eventId, at);
        }

        public boolean recordEvent(String eventId, Instant at) {
            return real.recordEvent(eventId, at);
        }

        public long restockUnshipped(Order order, Instant at) {
            maybeFail();
            return real.restockUnshipped(order, at);
        }

        public List<Payment> open(Instant before, int limit) {
            return real.open(before, limit);
        }

        public boolean seen(String eventId) {
            return real.seen(eventId);
        }
    }
}

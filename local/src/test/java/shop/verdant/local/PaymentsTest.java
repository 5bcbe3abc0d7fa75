package shop.verdant.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.verdant.adapter.dynamodb.DynamoDb;
import shop.verdant.contract.Tables;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Paying in the running local shop: stripe-java against the Stripe stand-in, its signed webhooks back through
 * the gateway into the webhook function, everything on DynamoDB Local.
 */
class PaymentsTest {

    static String placeOrder(String token, String productId, int quantity) {
        Api.Response placed = Api.call("POST", "/api/orders", token, Api.orderBody(productId, quantity),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json().get("orderId").asText();
    }

    static Api.Response pay(String token, String orderId, String provider, String key) {
        return Api.call("POST", "/api/orders/" + orderId + "/payments", token, "{\"provider\":\"" + provider + "\"}",
                Map.of("Idempotency-Key", key));
    }

    /** What the browser does through Stripe.js: confirm the intent with the publishable key and a test card. */
    static HttpResponse<String> confirm(JsonNode started, String paymentMethod) throws Exception {
        return confirm(started.get("clientSecret").asText(), started.get("publishableKey").asText(), paymentMethod);
    }

    static HttpResponse<String> confirm(String secret, String publishableKey, String paymentMethod) throws Exception {
        String intent = secret.substring(0, secret.indexOf("_secret_"));
        return Api.HTTP.send(HttpRequest.newBuilder(URI.create(TestShop.get().url() + "stripe/v1/payment_intents/" + intent + "/confirm"))
                .header("Authorization", "Bearer " + publishableKey)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("client_secret=" + secret + "&payment_method=" + paymentMethod)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode order(String token, String orderId) {
        return Api.call("GET", "/api/orders/" + orderId, token, null).json();
    }

    static long sold(String productId) {
        Map<String, AttributeValue> item = DynamoDb.client().getItem(b -> b.tableName(Tables.PRODUCTS.logicalName())
                .key(Map.of("productId", AttributeValue.fromS(productId))).consistentRead(true)).item();
        AttributeValue v = item.get("stockSold");
        return v == null ? 0 : Long.parseLong(v.n());
    }

    static int shipments(String orderId) {
        return DynamoDb.client().query(b -> b.tableName(Tables.SHIPMENTS.logicalName()).keyConditionExpression("orderId = :o")
                .expressionAttributeValues(Map.of(":o", AttributeValue.fromS(orderId)))).count();
    }

    static void settle() throws InterruptedException {
        assertThat(TestShop.get().stripe().awaitDeliveries(Duration.ofSeconds(20))).as("webhooks delivered").isTrue();
    }

    @Test
    void aDeclinedCardCanBeRetried_andAGoodOnePaysTheOrder() throws Exception {
        String token = Api.customerA();
        String productId = Api.productWithPlentyOfStock();
        long soldBefore = sold(productId);
        String orderId = placeOrder(token, productId, 2);

        Api.Response started = pay(token, orderId, "stripe", "pay-" + UUID.randomUUID());
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        JsonNode s = started.json();
        assertThat(s.get("clientSecret").asText()).startsWith("pi_").contains("_secret_");
        assertThat(s.get("publishableKey").asText()).startsWith("pk_test_");
        assertThat(s.at("/amount/amount").asLong()).isEqualTo(order(token, orderId).at("/total/amount").asLong());

        HttpResponse<String> declined = confirm(s, "pm_card_chargeDeclinedInsufficientFunds");
        assertThat(declined.statusCode()).isEqualTo(402);
        assertThat(declined.body()).contains("insufficient_funds");
        settle();
        assertThat(order(token, orderId).get("status").asText()).as("a decline leaves the order payable").isEqualTo("PENDING_PAYMENT");

        // the retry is answered with the same intent, and a good card pays it
        Api.Response again = pay(token, orderId, "stripe", "pay-" + UUID.randomUUID());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("clientSecret").asText()).isEqualTo(s.get("clientSecret").asText());
        assertThat(again.json().get("lastError").asText()).contains("insufficient_funds");
        assertThat(confirm(s, "pm_card_visa").statusCode()).isEqualTo(200);
        settle();

        JsonNode paid = order(token, orderId);
        assertThat(paid.get("status").asText()).isEqualTo("PAID");
        assertThat(sold(productId)).isEqualTo(soldBefore + 2);
        assertThat(shipments(orderId)).isEqualTo(1);
        assertThat(paid.at("/shipments/0/status").asText()).as("the customer sees the parcel pending").isEqualTo("PENDING");
        assertThat(paid.at("/payment/provider").asText()).isEqualTo("stripe");
        Api.Response late = pay(token, orderId, "stripe", "pay-" + UUID.randomUUID());
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("type").asText()).endsWith("order-already-paid");
    }

    static Api.Response refund(String orderId, Long amount, String key) {
        return Api.call("POST", "/api/admin/orders/" + orderId + "/refund", Api.demo("admin"),
                "{" + (amount == null ? "" : "\"amount\":" + amount + ",") + "\"reason\":\"damaged in transit\"}",
                Map.of("Idempotency-Key", key));
    }

    static long available(String productId) {
        Map<String, AttributeValue> item = DynamoDb.client().getItem(b -> b.tableName(Tables.PRODUCTS.logicalName())
                .key(Map.of("productId", AttributeValue.fromS(productId))).consistentRead(true)).item();
        return Long.parseLong(item.get("stockAvailable").n());
    }

    @Test
    void anAdminRefundsInPartThenInFull_unshippedStockGoesBackOnce() throws Exception {
        String token = Api.customerA();
        String productId = Api.productWithPlentyOfStock();
        String orderId = placeOrder(token, productId, 2);
        JsonNode started = pay(token, orderId, "stripe", "pay-" + UUID.randomUUID()).json();
        assertThat(confirm(started, "pm_card_visa").statusCode()).isEqualTo(200);
        settle();
        long total = order(token, orderId).at("/total/amount").asLong();
        long shelf = available(productId);

        Api.Response part = refund(orderId, 300L, "refund-part-" + orderId);
        assertThat(part.status()).as(part.body()).isEqualTo(200);
        assertThat(part.json().at("/refunded/amount").asLong()).isEqualTo(300);
        assertThat(part.json().get("orderStatus").asText()).isEqualTo("PAID");
        assertThat(refund(orderId, total, "refund-too-much-" + orderId).status()).as("more than is left").isEqualTo(400);

        String fullKey = "refund-full-" + orderId;
        Api.Response full = refund(orderId, null, fullKey);
        assertThat(full.status()).as(full.body()).isEqualTo(200);
        assertThat(full.json().at("/refunded/amount").asLong()).isEqualTo(total);
        assertThat(full.json().get("orderStatus").asText()).isEqualTo("REFUNDED");
        assertThat(full.json().get("unitsRestocked").asLong()).isEqualTo(2);
        assertThat(available(productId)).isEqualTo(shelf + 2);

        Api.Response again = refund(orderId, null, fullKey);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(available(productId)).as("back on the shelf once").isEqualTo(shelf + 2);
        settle();   // Stripe's own refund webhooks change nothing more
        assertThat(order(token, orderId).get("status").asText()).isEqualTo("REFUNDED");
        assertThat(available(productId)).isEqualTo(shelf + 2);
        assertThat(refund(orderId, null, "refund-after-" + orderId).status()).as("nothing left to refund").isEqualTo(400);
    }

    @Test
    void reconciliationAppliesAMissedWebhook_andCancelsTheIntentOfAnExpiredOrder() throws Exception {
        var stripe = TestShop.get().stripe();
        var services = shop.verdant.payments.PaymentsWiring.create(shop.verdant.adapter.dynamodb.DynamoDbStores.fromEnvironment(TestShop.writer()),
                shop.verdant.config.SecretSource.settings(), java.time.Clock.systemUTC());
        String token = Api.customerA();
        String paidId = placeOrder(token, Api.productWithPlentyOfStock(), 1);
        String expiredId = placeOrder(token, Api.productWithPlentyOfStock(), 1);
        JsonNode openIntent = pay(token, expiredId, "stripe", "pay-" + UUID.randomUUID()).json();
        stripe.pauseDeliveries(true);   // the webhooks are lost
        try {
            JsonNode started = pay(token, paidId, "stripe", "pay-" + UUID.randomUUID()).json();
            assertThat(confirm(started, "pm_card_visa").statusCode()).isEqualTo(200);
            Thread.sleep(300);
            assertThat(order(token, paidId).get("status").asText()).isEqualTo("PENDING_PAYMENT");
            var store = new shop.verdant.adapter.dynamodb.DynamoDbOrderStore(TestShop.writer(), Tables.ORDERS.logicalName(),
                    Tables.PRODUCTS.logicalName(), Tables.IDEMPOTENCY.logicalName());
            store.release(store.find(expiredId).orElseThrow(), shop.verdant.domain.shopping.OrderStatus.EXPIRED, java.time.Instant.now());

            int changed = services.payments().reconcile(Duration.ZERO, 10_000);
            assertThat(changed).isGreaterThanOrEqualTo(2);
            assertThat(order(token, paidId).get("status").asText()).isEqualTo("PAID");
            String intent = openIntent.get("clientSecret").asText().split("_secret_")[0];
            assertThat(services.providers().get("stripe").retrieve(intent).status())
                    .as("nobody can pay the expired order's intent any more").isEqualTo(shop.verdant.domain.payments.PaymentStatus.CANCELED);
            assertThat(services.payments().reconcile(Duration.ZERO, 10_000)).as("nothing left to do").isZero();
        } finally {
            stripe.pauseDeliveries(false);
        }
    }

    @Test
    void cashOnDeliveryConfirmsTheOrderAtOnce() {
        String token = Api.customerA();
        String productId = Api.productWithPlentyOfStock();
        long soldBefore = sold(productId);
        String orderId = placeOrder(token, productId, 1);
        String key = "cod-" + UUID.randomUUID();
        Api.Response confirmed = pay(token, orderId, "cod", key);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
        assertThat(confirmed.json().get("orderStatus").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.json().has("clientSecret")).isFalse();
        assertThat(sold(productId)).isEqualTo(soldBefore + 1);
        assertThat(shipments(orderId)).isEqualTo(1);
        Api.Response replay = pay(token, orderId, "cod", key);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(sold(productId)).as("stock sold once").isEqualTo(soldBefore + 1);
        assertThat(pay(token, orderId, "stripe", key).status()).as("the same key for another provider").isEqualTo(422);
        assertThat(refund(orderId, null, "cod-early-" + orderId).status()).as("nothing collected yet").isEqualTo(409);

        // the courier collects: the order is paid; an admin refund hands the money back and puts the parcel's stock back
        var services = shop.verdant.payments.PaymentsWiring.create(shop.verdant.adapter.dynamodb.DynamoDbStores.fromEnvironment(TestShop.writer()),
                shop.verdant.config.SecretSource.settings(), java.time.Clock.systemUTC());
        var cod = (shop.verdant.application.payments.CashOnDelivery) services.providers().get("cod");
        cod.collected(shop.verdant.application.payments.CashOnDelivery.referenceOf(orderId));
        assertThat(order(token, orderId).get("status").asText()).isEqualTo("PAID");
        long shelf = available(productId);
        Api.Response refunded = refund(orderId, null, "cod-refund-" + orderId);
        assertThat(refunded.status()).as(refunded.body()).isEqualTo(200);
        assertThat(refunded.json().get("orderStatus").asText()).isEqualTo("REFUNDED");
        assertThat(available(productId)).isEqualTo(shelf + 1);
    }

    @Test
    void onlyTheOwnerPays_andBadInputChangesNothing() {
        String productId = Api.productWithPlentyOfStock();
        String orderId = placeOrder(Api.customerA(), productId, 1);
        Api.Response other = pay(Api.customerB(), orderId, "stripe", "pay-" + UUID.randomUUID());
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("clientSecret").doesNotContain(orderId + "\"");
        assertThat(pay(Api.customerA(), orderId, "bitcoin", "pay-" + UUID.randomUUID()).status()).isEqualTo(400);
        assertThat(Api.call("POST", "/api/orders/" + orderId + "/payments", Api.customerA(), "{\"provider\":\"stripe\"}").status())
                .as("no Idempotency-Key").isEqualTo(400);
        assertThat(order(Api.customerA(), orderId).get("status").asText()).isEqualTo("PENDING_PAYMENT");
        assertThat(TestShop.get().stripe().events().stream().noneMatch(e -> e.toString().contains(orderId)))
                .as("nothing reached Stripe").isTrue();
    }
}

package shop.verdant.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import shop.verdant.adapter.dynamodb.DynamoDb;
import shop.verdant.contract.Tables;
import shop.verdant.http.Json;
import shop.verdant.local.LocalShop;
import shop.verdant.local.StripeStandIn;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Payments on the local shop (DynamoDB Local, the Stripe stand-in, the webhook function behind the gateway):
 * signed {@code payment_intent.succeeded} deliveries per second and their latency, 8 at a time with 30 %
 * duplicates, against a plain PutItem of an event-sized item on the same DynamoDB Local in the same run; and what
 * a payment request costs next to reading the same order through the same gateway and authorizer.
 */
final class PaymentsBench {
    static final int CONCURRENCY = 8;
    static final double DUPLICATES = 0.30;

    private PaymentsBench() {
    }

    static void run(Path repo, int intents) throws Exception {
        System.out.printf("%n== payments: %d paid intents, webhooks %d at a time with %.0f%% duplicates%n", intents, CONCURRENCY,
                DUPLICATES * 100);
        try (LocalShop shop = LocalShop.start(LocalShop.Options.forRepository(repo, repo.resolve("bench/target/payments-shop")))) {
            StripeStandIn stripe = shop.stripe();
            stripe.pauseDeliveries(true);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String token = shop.customerToken("bench-payer@example.com", "Bench-Payer-2026!");
            // a hundred products with stock to spare, taken in turn, so no order waits on one hot product's stock
            List<String> products = new ArrayList<>();
            for (var item : Json.read(get(http, shop.url().resolve("/api/products?limit=100&sort=price_asc"), null),
                    com.fasterxml.jackson.databind.JsonNode.class).get("items")) {
                if (item.path("stock").path("inStock").asBoolean(true) && item.path("stock").path("onlyLeft").isMissingNode()) {
                    products.add(item.get("id").asText());
                }
            }

            // orders and their payments, paid at the stand-in; the events wait to be delivered
            List<String> orderIds = new ArrayList<>();
            long[] payNanos = new long[intents];
            long[] readNanos = new long[intents];
            for (int i = 0; i < intents; i++) {
                String order = null;
                for (int attempt = 0; order == null; attempt++) {
                    // products in turn; one sold out is skipped (the demo catalog has a few nearly gone)
                    String productId = products.get((i + attempt) % products.size());
                    try {
                        order = post(http, shop.url().resolve("/api/orders"), token, "{\"lines\":[{\"productId\":\"" + productId
                                + "\",\"quantity\":1}],\"shipTo\":{\"name\":\"B\",\"line1\":\"1 Road\",\"city\":\"Utrecht\","
                                + "\"postcode\":\"3511 AB\",\"country\":\"NL\"}}", "order-" + UUID.randomUUID(), Map.of());
                    } catch (IllegalStateException soldOut) {
                        if (attempt > products.size()) {
                            throw soldOut;
                        }
                    }
                }
                String orderId = Json.read(order, com.fasterxml.jackson.databind.JsonNode.class).get("orderId").asText();
                long t = System.nanoTime();
                get(http, shop.url().resolve("/api/orders/" + orderId), token);
                readNanos[i] = System.nanoTime() - t;
                t = System.nanoTime();
                String started = post(http, shop.url().resolve("/api/orders/" + orderId + "/payments"), token,
                        "{\"provider\":\"stripe\"}", "pay-" + UUID.randomUUID(), Map.of());
                payNanos[i] = System.nanoTime() - t;
                var s = Json.read(started, com.fasterxml.jackson.databind.JsonNode.class);
                String secret = s.get("clientSecret").asText();
                String intent = secret.substring(0, secret.indexOf("_secret_"));
                HttpResponse<String> confirmed = http.send(HttpRequest.newBuilder(shop.url().resolve("/stripe/v1/payment_intents/" + intent
                                + "/confirm")).header("Authorization", "Bearer " + s.get("publishableKey").asText())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("client_secret=" + secret + "&payment_method=pm_card_visa")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (confirmed.statusCode() != 200) {
                    throw new IllegalStateException(confirmed.body());
                }
                orderIds.add(orderId);
            }
            System.out.printf("  payment request (POST /api/orders/{id}/payments, Stripe intent): %s%n", Stats.of(payNanos));
            System.out.printf("  baseline GET /api/orders/{id} through the same gateway:        %s%n", Stats.of(readNanos));

            List<String> payloads = new ArrayList<>();
            for (Map<String, Object> e : stripe.events()) {
                if ("payment_intent.succeeded".equals(e.get("type"))) {
                    payloads.add(Json.write(e));
                }
            }
            List<String> deliveries = new ArrayList<>(payloads);
            java.util.Random random = new java.util.Random(42);
            for (String p : payloads) {
                if (random.nextDouble() < DUPLICATES) {
                    deliveries.add(p);
                }
            }
            Collections.shuffle(deliveries, random);
            AtomicInteger non200 = new AtomicInteger();
            Timed webhooks = timed(deliveries.size(), i -> {
                String payload = deliveries.get(i);
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(shop.url().resolve("/api/webhooks/stripe"))
                        .header("Content-Type", "application/json")
                        .header("Stripe-Signature", stripe.signature(payload, Instant.now().getEpochSecond()))
                        .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    non200.incrementAndGet();
                }
            });
            Timed puts = timed(deliveries.size(), i -> DynamoDb.client().putItem(b -> b.tableName(Tables.PROCESSED_EVENTS.logicalName())
                    .item(Map.of("eventId", AttributeValue.fromS("bench-" + UUID.randomUUID()), "processedAt",
                            AttributeValue.fromS(Instant.now().toString()), "ttl", AttributeValue.fromN("1")))));
            int paid = 0;
            for (String id : orderIds) {
                if (get(http, shop.url().resolve("/api/orders/" + id), token).contains("\"status\":\"PAID\"")) {
                    paid++;
                }
            }
            System.out.printf("  webhooks: %,d deliveries (%d duplicates) %.0f/s, %s; non-200: %d; orders paid: %d of %d%n",
                    deliveries.size(), deliveries.size() - payloads.size(), webhooks.perSecond(), webhooks.stats(), non200.get(),
                    paid, orderIds.size());
            System.out.printf("  baseline PutItem:      %,d items %.0f/s, %s%n", deliveries.size(), puts.perSecond(), puts.stats());
            System.out.printf("  a webhook costs %.1fx a PutItem at p50 (%.1fx at p99)%n",
                    webhooks.stats().p50Millis() / puts.stats().p50Millis(), webhooks.stats().p99Millis() / puts.stats().p99Millis());
        }
    }

    interface Op {
        void run(int i) throws Exception;
    }

    record Timed(Stats stats, double perSecond) {
    }

    static Timed timed(int n, Op op) throws Exception {
        long[] nanos = new long[n];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        long t0 = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < CONCURRENCY; w++) {
            running.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    long t = System.nanoTime();
                    op.run(i);
                    nanos[i] = System.nanoTime() - t;
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        return new Timed(Stats.of(nanos), n / seconds);
    }

    private static String get(HttpClient http, URI uri, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String post(HttpClient http, URI uri, String token, String body, String key, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(uri + " " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}

package shop.verdant.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.verdant.adapter.dynamodb.DynamoDb;
import shop.verdant.adapter.dynamodb.DynamoDbOrderStore;
import shop.verdant.adapter.dynamodb.DynamoDbProductRepository;
import shop.verdant.adapter.dynamodb.DynamoDbStores;
import shop.verdant.application.payments.Payments;
import shop.verdant.application.shopping.port.IdempotencyRecord;
import shop.verdant.application.shopping.port.StockLedger;
import shop.verdant.config.SecretSource;
import shop.verdant.contract.Tables;
import shop.verdant.domain.catalog.Product;
import shop.verdant.domain.catalog.ProductStatus;
import shop.verdant.domain.common.Money;
import shop.verdant.domain.payments.Payment;
import shop.verdant.domain.payments.PaymentStatus;
import shop.verdant.domain.shopping.Address;
import shop.verdant.domain.shopping.Order;
import shop.verdant.domain.shopping.OrderLine;
import shop.verdant.domain.shopping.OrderStatus;
import shop.verdant.domain.shopping.OrderTotals;
import shop.verdant.domain.shopping.ShippingRates;
import shop.verdant.payments.PaymentsWiring;

/**
 * The order events arrive in must not matter, nor how often, nor what races them, on DynamoDB Local with the
 * Stripe stand-in: 600 random orderings of an intent's events, each delivered one to three times, partly at
 * once; and 300 races of a payment against the order's expiry. (1,000 and 500 before the audit log's change feed
 * doubled what each order costs DynamoDB Local.)
 */
class PaymentOrderingsTest {
    static final int ORDERINGS = 600;
    static final int RACES = 300;
    static final Address SHIP_TO = new Address("Pat Tester", "1 Canal Street", null, "Utrecht", "3511 AB", "NL");

    static StripeStandIn stripe;
    static PaymentsWiring.Services services;
    static DynamoDbOrderStore orders;
    static DynamoDbProductRepository products;
    static ExecutorService deliveries;

    @BeforeAll
    static void start() {
        stripe = TestShop.get().stripe();
        stripe.pauseDeliveries(true);   // the test is the only deliverer: every event id it sends is accounted for
        services = PaymentsWiring.create(DynamoDbStores.fromEnvironment(TestShop.writer()), SecretSource.settings(), Clock.systemUTC());
        orders = new DynamoDbOrderStore(TestShop.writer(), Tables.ORDERS.logicalName(), Tables.PRODUCTS.logicalName(),
                Tables.IDEMPOTENCY.logicalName());
        products = new DynamoDbProductRepository(TestShop.writer(), Tables.PRODUCTS.logicalName());
        deliveries = Executors.newFixedThreadPool(8);
    }

    @AfterAll
    static void stop() {
        deliveries.shutdownNow();
        stripe.pauseDeliveries(false);
    }

    /** What happened to an intent at Stripe before any of its events was delivered. */
    enum History {
        DECLINED_THEN_PAID, DECLINED_PAID_PARTLY_REFUNDED, PAID_FULLY_REFUNDED, DECLINED_THEN_CANCELED, PAID
    }

    record Placed(Order order, String productId, Payment payment, String clientSecret) {
    }

    static Placed place(long stock, int quantity, Instant expiresAt) {
        String productId = "pay-" + UUID.randomUUID();
        Instant now = Instant.now();
        products.save(new Product(productId, "merchant-pay", "SKU-" + productId, "Payment probe", "A probe.", "brand-1", "green",
                "cat-1", Map.of(), Money.of(1000, "EUR"), stock, 0, ProductStatus.ACTIVE, List.of(), null, now, now, "test", 0));
        List<OrderLine> lines = List.of(new OrderLine(productId, "SKU-" + productId, "Payment probe", "merchant-pay", 1000,
                quantity, 1000L * quantity));
        Order order = new Order(UUID.randomUUID().toString(), "customer-" + UUID.randomUUID(), lines,
                OrderTotals.of(Money.of(1000L * quantity, "EUR"), SHIP_TO.destination(), ShippingRates.STANDARD),
                OrderStatus.PENDING_PAYMENT, SHIP_TO, now, expiresAt, now, null);
        orders.place(order, new IdempotencyRecord(order.customerId() + "#k", "f", order, now, now.plus(Duration.ofDays(1))));
        Payments.Started started = services.payments().start(order.customerId(), order.orderId(), "stripe", "key-" + order.orderId());
        return new Placed(order, productId, started.payment(), started.payment().clientSecret());
    }

    /** The browser's confirmation with a test card, as Stripe.js sends it. */
    static void confirm(Placed p, String method) {
        try {
            String intent = p.payment().reference();
            HttpResponse<String> r = Api.HTTP.send(HttpRequest.newBuilder(URI.create(TestShop.get().url() + "stripe/v1/payment_intents/"
                            + intent + "/confirm"))
                    .header("Authorization", "Bearer " + System.getProperty("STRIPE_PUBLISHABLE_KEY"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("client_secret=" + p.clientSecret() + "&payment_method=" + method)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isIn(200, 402);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> happen(History h, Placed p) {
        var stripeApi = services.providers().get("stripe");
        String ref = p.payment().reference();
        Money total = p.order().total();
        return switch (h) {
            case DECLINED_THEN_PAID -> {
                confirm(p, "pm_card_chargeDeclined");
                confirm(p, "pm_card_visa");
                yield List.of("payment_intent.payment_failed", "payment_intent.succeeded");
            }
            case DECLINED_PAID_PARTLY_REFUNDED -> {
                confirm(p, "pm_card_chargeDeclinedInsufficientFunds");
                confirm(p, "pm_card_visa");
                stripeApi.refund(ref, Money.of(500, "EUR"), "requested_by_customer", "partial-" + ref);
                yield List.of("payment_intent.payment_failed", "payment_intent.succeeded", "charge.refunded");
            }
            case PAID_FULLY_REFUNDED -> {
                confirm(p, "pm_card_visa");
                stripeApi.refund(ref, total, "requested_by_customer", "full-" + ref);
                yield List.of("payment_intent.succeeded", "charge.refunded");
            }
            case DECLINED_THEN_CANCELED -> {
                confirm(p, "pm_card_chargeDeclined");
                stripeApi.cancel(ref);
                yield List.of("payment_intent.payment_failed", "payment_intent.canceled");
            }
            case PAID -> {
                confirm(p, "pm_card_visa");
                yield List.of("payment_intent.succeeded");
            }
        };
    }

    @Test
    void anyOrderingOfAnIntentsEvents_deliveredOneToThreeTimes_endsInTheRightState_stockMovedOnce() throws Exception {
        long t0 = System.nanoTime();
        Random random = new Random(20261201);
        ExecutorService trials = Executors.newFixedThreadPool(4);
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        AtomicInteger deliveriesMade = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < ORDERINGS; t++) {
            History history = History.values()[t % History.values().length];
            long seed = random.nextLong();
            running.add(trials.submit(() -> {
                Random r = new Random(seed);
                Placed p = place(5, 2, Instant.now().plus(Duration.ofMinutes(15)));
                List<String> types = happen(history, p);
                List<String> sends = new ArrayList<>();
                for (int i = 0; i < types.size(); i++) {
                    String eventId = "evt_" + p.order().orderId() + "_" + i;
                    for (int copies = 1 + r.nextInt(3); copies > 0; copies--) {
                        sends.add(eventId);
                    }
                }
                Collections.shuffle(sends, r);
                // the first part one by one, the rest all at once
                int split = r.nextInt(sends.size() + 1);
                for (String e : sends.subList(0, split)) {
                    services.payments().sync("stripe", p.payment().reference(), e);
                }
                List<CompletableFuture<Payments.Synced>> together = sends.subList(split, sends.size()).stream()
                        .map(e -> CompletableFuture.supplyAsync(() -> services.payments().sync("stripe", p.payment().reference(), e),
                                deliveries)).toList();
                together.forEach(CompletableFuture::join);
                deliveriesMade.addAndGet(sends.size());
                String problem = check(history, p, types.size());
                if (problem != null) {
                    wrong.add(history + " " + sends + ": " + problem);
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        trials.shutdown();
        assertThat(wrong).isEmpty();
        assertThat(deliveriesMade.get()).isGreaterThanOrEqualTo(2 * ORDERINGS);
        System.out.printf("webhook orderings: %d intents, %d deliveries, %d ms%n", ORDERINGS, deliveriesMade.get(),
                (System.nanoTime() - t0) / 1_000_000);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String check(History h, Placed p, int events) {
        Order o = orders.find(p.order().orderId()).orElseThrow();
        Payment pay = DynamoDbStores.fromEnvironment().payments().find("stripe", p.payment().reference()).orElseThrow();
        StockLedger.Levels stock = orders.levels(p.productId());
        boolean paid = h != History.DECLINED_THEN_CANCELED;
        OrderStatus status = h == History.PAID_FULLY_REFUNDED ? OrderStatus.REFUNDED
                : paid ? OrderStatus.PAID : OrderStatus.PENDING_PAYMENT;
        long refunded = switch (h) {
            case DECLINED_PAID_PARTLY_REFUNDED -> 500;
            case PAID_FULLY_REFUNDED -> p.order().total().minor();
            default -> 0;
        };
        StockLedger.Levels expected = paid ? new StockLedger.Levels(3, 0, 2) : new StockLedger.Levels(3, 2, 0);
        List<String> problems = new ArrayList<>();
        if (o.status() != status) {
            problems.add("order " + o.status() + ", expected " + status);
        }
        if (pay.status() != (paid ? PaymentStatus.SUCCEEDED : PaymentStatus.CANCELED)) {
            problems.add("payment " + pay.status());
        }
        if (pay.refunded().minor() != refunded) {
            problems.add("refunded " + pay.refunded().minor() + ", expected " + refunded);
        }
        if (!stock.equals(expected)) {
            problems.add("stock " + stock + ", expected " + expected);
        }
        int shipments = DynamoDb.client().query(b -> b.tableName(Tables.SHIPMENTS.logicalName()).keyConditionExpression("orderId = :o")
                .expressionAttributeValues(Map.of(":o", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(o.orderId()))))
                .count();
        if (shipments != (paid ? 1 : 0)) {
            problems.add(shipments + " shipments");
        }
        for (int i = 0; i < events; i++) {
            if (!DynamoDbStores.fromEnvironment().payments().seen("evt_" + o.orderId() + "_" + i)) {
                problems.add("event " + i + " not recorded");
            }
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    @Test
    void aPaymentRacingTheExpiry_exactlyOneWins_stockReleasedAtMostOnce_aLateSuccessReReservesOrRefunds() throws Exception {
        long t0 = System.nanoTime();
        ExecutorService races = Executors.newFixedThreadPool(4);
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        AtomicInteger lateButSold = new AtomicInteger();
        AtomicInteger refundedLate = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < RACES; i++) {
            boolean soldOutMeanwhile = i % 5 == 4;
            running.add(races.submit(() -> {
                Placed p = place(soldOutMeanwhile ? 1 : 2, 1, Instant.now().plus(Duration.ofMinutes(15)));
                confirm(p, "pm_card_visa");
                Instant now = Instant.now();
                if (soldOutMeanwhile) {
                    // the sweeper released the stock, another customer took the last one, then the success arrived
                    orders.release(p.order(), OrderStatus.EXPIRED, now);
                    Order competitor = new Order(UUID.randomUUID().toString(), "competitor", p.order().lines(), p.order().totals(),
                            OrderStatus.PENDING_PAYMENT, SHIP_TO, now, now.plus(Duration.ofMinutes(15)), now, null);
                    orders.place(competitor, new IdempotencyRecord("competitor#" + competitor.orderId(), "f", competitor, now, now.plusSeconds(60)));
                    services.payments().sync("stripe", p.payment().reference(), "evt_late_" + p.order().orderId());
                } else {
                    // the sweeper starts 0-30 ms later: the payment's read-back from Stripe takes about that long
                    long head = java.util.concurrent.ThreadLocalRandom.current().nextLong(31);
                    CompletableFuture<Boolean> sweep = CompletableFuture.supplyAsync(() -> {
                        sleep(head);
                        return orders.release(p.order(), OrderStatus.EXPIRED, now);
                    }, deliveries);
                    CompletableFuture<Payments.Synced> pay = CompletableFuture.supplyAsync(
                            () -> services.payments().sync("stripe", p.payment().reference(), "evt_race_" + p.order().orderId()), deliveries);
                    if (sweep.join()) {
                        lateButSold.incrementAndGet();   // the expiry won; the success then sold the stock again
                    }
                    pay.join();
                }
                Order o = orders.find(p.order().orderId()).orElseThrow();
                Payment pay = DynamoDbStores.fromEnvironment().payments().find("stripe", p.payment().reference()).orElseThrow();
                StockLedger.Levels stock = orders.levels(p.productId());
                if (soldOutMeanwhile) {
                    if (o.status() != OrderStatus.EXPIRED || !pay.fullyRefunded() || !stock.equals(new StockLedger.Levels(0, 1, 0))) {
                        wrong.add("sold out: " + o.status() + " refunded " + pay.refunded() + " " + stock);
                    } else {
                        refundedLate.incrementAndGet();
                    }
                } else if (o.status() != OrderStatus.PAID || !stock.equals(new StockLedger.Levels(1, 0, 1)) || pay.refunded().minor() != 0) {
                    wrong.add("race: " + o.status() + " " + stock + " refunded " + pay.refunded());
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        races.shutdown();
        assertThat(wrong).isEmpty();
        assertThat(refundedLate.get()).isEqualTo(RACES / 5);
        System.out.printf("payment vs expiry: %d races, the expiry won %d (then sold again), the payment %d; %d refunded after "
                + "selling out; %d ms%n", RACES - RACES / 5, lateButSold.get(), RACES - RACES / 5 - lateButSold.get(), refundedLate.get(),
                (System.nanoTime() - t0) / 1_000_000);
    }
}

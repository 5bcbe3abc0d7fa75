package shop.verdant.bench;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import shop.verdant.adapter.dynamodb.DynamoDb;
import shop.verdant.adapter.dynamodb.DynamoDbCartRepository;
import shop.verdant.adapter.dynamodb.DynamoDbOrderStore;
import shop.verdant.adapter.dynamodb.DynamoDbProductRepository;
import shop.verdant.adapter.dynamodb.TableRequests;
import shop.verdant.application.shopping.Carts;
import shop.verdant.application.shopping.PlaceOrder;
import shop.verdant.application.shopping.PlaceOrderCommand;
import shop.verdant.domain.catalog.Product;
import shop.verdant.domain.catalog.ProductStatus;
import shop.verdant.domain.common.ConflictException;
import shop.verdant.domain.common.Money;
import shop.verdant.domain.shopping.Address;
import shop.verdant.local.DynamoDbLocalEngine;
import shop.verdant.contract.Tables;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Orders placed per second on DynamoDB Local with 8 concurrent clients, through the real PlaceOrder
 * service (idempotency check, consistent batch read of the products, one TransactWriteItems with the
 * order, three stock reservations and the idempotency record, then the cart cleanup), against a plain
 * PutItem of an order-sized item in the same run. A hot-SKU round has every client order the same product.
 */
final class OrdersBench {
    static final int CLIENTS = 8;
    static final int PRODUCTS = 500;

    private OrdersBench() {
    }

    static void run(int perPhase) throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        System.out.printf("%nOrders on DynamoDB Local, %d concurrent clients, %,d operations per phase%n", CLIENTS, perPhase);
        try (DynamoDbLocalEngine engine = DynamoDbLocalEngine.start(port, null);
             DynamoDbClient ddb = DynamoDbClient.builder().endpointOverride(URI.create(engine.endpoint()))
                     .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.builder().build())
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("b", "b"))).build()) {
            for (var spec : List.of(Tables.PRODUCTS, Tables.ORDERS, Tables.IDEMPOTENCY, Tables.CARTS)) {
                TableRequests.ensureTable(ddb, spec, spec.logicalName());
            }
            Clock clock = Clock.systemUTC();
            var products = new DynamoDbProductRepository(ddb, Tables.PRODUCTS.logicalName());
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < PRODUCTS; i++) {
                String id = "bench-" + i;
                ids.add(id);
                products.save(new Product(id, "m1", "SKU-" + i, "Product " + i, "d", "b", "green", "c",
                        Map.of(), Money.of(100 + i, "EUR"), 10_000_000, 0, ProductStatus.ACTIVE, List.of(), null,
                        Instant.now(), Instant.now(), "bench", 0));
            }
            var store = new DynamoDbOrderStore(ddb, Tables.ORDERS.logicalName(), Tables.PRODUCTS.logicalName(),
                    Tables.IDEMPOTENCY.logicalName());
            var carts = new Carts(new DynamoDbCartRepository(ddb, Tables.CARTS.logicalName(), clock), products, clock,
                    new shop.verdant.application.shopping.CartTokens(shop.verdant.domain.common.Keyring.parse(
                            shop.verdant.domain.common.Keyring.generate("bench"))));
            var place = new PlaceOrder(store, products, carts, clock, () -> UUID.randomUUID().toString(), () -> Duration.ofMinutes(15), shop.verdant.domain.shopping.ShippingRates.STANDARD);
            Address shipTo = new Address("Bench", "1 Road", null, "Town", "1000 AA", "NL");

            // warm-up: JIT and DynamoDB Local's own caches
            phase("warm-up (not counted)", Math.max(200, perPhase / 10), i -> placeOne(place, ids, shipTo, false));

            Result put = phase("PutItem baseline (one order-sized item)", perPhase, i -> {
                Map<String, AttributeValue> item = new HashMap<>();
                item.put("orderId", AttributeValue.fromS(UUID.randomUUID().toString()));
                item.put("customerId", AttributeValue.fromS("customer-" + (i % CLIENTS)));
                item.put("createdAt", AttributeValue.fromS(Instant.now().toString()));
                item.put("status", AttributeValue.fromS("PENDING_PAYMENT"));
                item.put("lines", AttributeValue.fromL(List.of(line(), line(), line())));
                item.put("totalMinor", AttributeValue.fromN("1234"));
                ddb.putItem(b -> b.tableName(Tables.ORDERS.logicalName()).item(item));
                return true;
            });
            Result orders = phase("PlaceOrder, 3 lines on random products", perPhase, i -> placeOne(place, ids, shipTo, false));
            Result hot = phase("PlaceOrder, every client on one hot product", Math.max(200, perPhase / 4), i -> placeOne(place, ids, shipTo, true));
            System.out.printf("  => orders/s = %.0f, PutItem/s = %.0f: an order costs %.1fx a PutItem (%.1f%% of its throughput); "
                            + "hot product %.0f orders/s%n", orders.perSecond, put.perSecond, put.perSecond / orders.perSecond,
                    100 * orders.perSecond / put.perSecond, hot.perSecond);
        }
    }

    private static AttributeValue line() {
        return AttributeValue.fromM(Map.of("productId", AttributeValue.fromS(UUID.randomUUID().toString()),
                "sku", AttributeValue.fromS("SKU-1"), "name", AttributeValue.fromS("Product name"),
                "unitPriceMinor", AttributeValue.fromN("100"), "quantity", AttributeValue.fromN("1"),
                "subtotalMinor", AttributeValue.fromN("100")));
    }

    private static boolean placeOne(PlaceOrder place, List<String> ids, Address shipTo, boolean hot) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        List<PlaceOrderCommand.Line> lines = new ArrayList<>();
        if (hot) {
            lines.add(new PlaceOrderCommand.Line(ids.get(0), 1));
        } else {
            java.util.Set<String> chosen = new java.util.LinkedHashSet<>();
            while (chosen.size() < 3) {
                chosen.add(ids.get(r.nextInt(ids.size())));
            }
            chosen.forEach(id -> lines.add(new PlaceOrderCommand.Line(id, 1 + r.nextInt(3))));
        }
        try {
            place.place("customer-" + Thread.currentThread().getId(), UUID.randomUUID().toString(),
                    new PlaceOrderCommand(lines, shipTo));
            return true;
        } catch (ConflictException e) {
            return false;
        }
    }

    record Result(double perSecond, Stats latency, int failed) {
    }

    interface Op {
        boolean run(int i) throws Exception;
    }

    private static Result phase(String name, int count, Op op) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long[] nanos = new long[count];
        long t0 = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long s = System.nanoTime();
                    if (!op.run(i)) {
                        failed.incrementAndGet();
                    }
                    nanos[i] = System.nanoTime() - s;
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        Result r = new Result(count / seconds, Stats.of(nanos), failed.get());
        System.out.printf("  %-48s %7.0f ops/s  %s%s%n", name, r.perSecond, r.latency,
                r.failed > 0 ? "  (" + r.failed + " answered 409)" : "");
        return r;
    }
}

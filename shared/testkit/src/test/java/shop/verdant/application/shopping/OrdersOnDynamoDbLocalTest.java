package shop.verdant.application.shopping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.verdant.application.shopping.port.StockLedger;
import shop.verdant.domain.common.ConflictException;
import shop.verdant.domain.common.Money;
import shop.verdant.domain.shopping.OrderTotals;
import shop.verdant.domain.common.UnprocessableException;
import shop.verdant.domain.common.ValidationException;
import shop.verdant.domain.shopping.Order;
import shop.verdant.domain.shopping.OrderStatus;
import shop.verdant.testing.ShopOnDynamo;

/** Orders and stock on DynamoDB Local: the storm, idempotency, cancel, expiry and their races. */
class OrdersOnDynamoDbLocalTest {
    static ShopOnDynamo shop;
    static ExecutorService pool;

    @BeforeAll
    static void start() {
        shop = new ShopOnDynamo();
        pool = Executors.newFixedThreadPool(64);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    @Test
    void lastUnitStorm_64ConcurrentOrdersForOneUnit_20Rounds_exactlyOneWins() throws Exception {
        for (int round = 0; round < 20; round++) {
            String productId = "storm-" + round;
            shop.product(productId, 1299, 1);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int c = 0; c < 64; c++) {
                String customer = "customer-" + c;
                String key = "storm-key-" + round + "-" + c;
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        shop.place(customer, key, ShopOnDynamo.order(productId, 1));
                        return "201";
                    } catch (ConflictException e) {
                        return "409 " + e.slug();
                    }
                }));
            }
            go.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).as("round " + round).filteredOn("201"::equals).hasSize(1);
            assertThat(outcomes).as("round " + round).filteredOn(o -> o.startsWith("409")).hasSize(63);
            assertThat(outcomes).filteredOn(o -> o.startsWith("409")).allMatch(o -> o.equals("409 insufficient-stock"));
            StockLedger.Levels levels = shop.store.levels(productId);
            assertThat(levels.available()).isZero();
            assertThat(levels.reserved()).isEqualTo(1);
            assertThat(levels.total()).isEqualTo(1);
        }
    }

    @Test
    void oneKeySentTwentyTimes_oneOrder_sameResponse_alsoConcurrently() throws Exception {
        shop.product("idem-1", 500, 100);
        long ordersBefore = shop.count(shop.ordersTable);
        Set<String> bodies = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 20; i++) {
            bodies.add(shop.place("idem-customer", "sequential-key-1", ShopOnDynamo.order("idem-1", 2)).body());
        }
        assertThat(bodies).hasSize(1);
        assertThat(shop.count(shop.ordersTable)).isEqualTo(ordersBefore + 1);

        CountDownLatch go = new CountDownLatch(1);
        List<Future<ShopOnDynamo.Placed>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return shop.place("idem-customer", "concurrent-key-1", ShopOnDynamo.order("idem-1", 3));
            }));
        }
        go.countDown();
        Set<String> concurrentBodies = ConcurrentHashMap.newKeySet();
        int replayed = 0;
        for (Future<ShopOnDynamo.Placed> f : results) {
            ShopOnDynamo.Placed o = f.get();
            concurrentBodies.add(o.body());
            replayed += o.replayed() ? 1 : 0;
        }
        assertThat(concurrentBodies).hasSize(1);
        assertThat(replayed).isEqualTo(19);
        assertThat(shop.count(shop.ordersTable)).isEqualTo(ordersBefore + 2);
        assertThat(shop.store.levels("idem-1").reserved()).isEqualTo(5);

        assertThatThrownBy(() -> shop.place("idem-customer", "concurrent-key-1",
                ShopOnDynamo.order("idem-1", 4)))
                .isInstanceOf(UnprocessableException.class);
        // another customer's identical key is their own, not a replay of someone else's order
        ShopOnDynamo.Placed other = shop.place("someone-else", "concurrent-key-1",
                ShopOnDynamo.order("idem-1", 3));
        assertThat(other.replayed()).isFalse();
        assertThat(concurrentBodies).doesNotContain(other.body());
    }

    @Test
    void insufficientStock_namesTheSkus_andWritesNothing() {
        shop.product("short-a", 100, 5);
        shop.product("short-b", 100, 1);
        long orders = shop.count(shop.ordersTable);
        long keys = shop.count(shop.idempotencyTable);
        var command = new PlaceOrderCommand(List.of(new PlaceOrderCommand.Line("short-a", 2),
                new PlaceOrderCommand.Line("short-b", 2)), ShopOnDynamo.SHIP_TO);
        assertThatThrownBy(() -> shop.place("c1", "short-key-1", command))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.slug()).isEqualTo("insufficient-stock");
                    assertThat(e.details().get("skus")).isEqualTo(List.of("SKU-short-b"));
                });
        assertThat(shop.count(shop.ordersTable)).isEqualTo(orders);
        assertThat(shop.count(shop.idempotencyTable)).isEqualTo(keys);
        assertThat(shop.store.levels("short-a").available()).isEqualTo(5);
        assertThat(shop.store.levels("short-a").reserved()).isZero();
    }

    @Test
    void linesOfTheSameProductAreSummed_andPricesComeFromTheCatalog() {
        shop.product("sum-1", 250, 10);
        var command = new PlaceOrderCommand(List.of(new PlaceOrderCommand.Line("sum-1", 2),
                new PlaceOrderCommand.Line("sum-1", 3)), ShopOnDynamo.SHIP_TO);
        ShopOnDynamo.Placed o = shop.place("c2", "sum-key-01", command);
        Order order = shop.orders.get("c2", o.orderId());
        assertThat(order.lines()).hasSize(1);
        assertThat(order.lines().get(0).quantity()).isEqualTo(5);
        // €12.50 of goods to the Netherlands: €4.95 shipping (free only from €40), 21 % VAT contained in the total
        assertThat(order.totals().subtotal().minor()).isEqualTo(1250);
        assertThat(order.totals().shipping().minor()).isEqualTo(495);
        assertThat(order.total().minor()).isEqualTo(1745);
        assertThat(order.totals().vat()).containsExactly(new OrderTotals.VatAmount(2100,
                Money.of(303, "EUR")));   // 17.45 × 21/121 = 3.028…
        assertThat(shop.store.levels("sum-1")).isEqualTo(new StockLedger.Levels(5, 5, 0));

        var tooMany = new PlaceOrderCommand(List.of(new PlaceOrderCommand.Line("sum-1", 6),
                new PlaceOrderCommand.Line("sum-1", 5)), ShopOnDynamo.SHIP_TO);
        assertThatThrownBy(() -> shop.place("c2", "sum-key-02", tooMany))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void cancelReleasesOnce_andAnotherCustomerCannotSeeOrCancel() {
        shop.product("cancel-1", 100, 3);
        ShopOnDynamo.Placed o = shop.place("owner", "cancel-key-1", ShopOnDynamo.order("cancel-1", 2));
        assertThatThrownBy(() -> shop.orders.get("intruder", o.orderId())).isInstanceOf(shop.verdant.domain.common.NotFoundException.class);
        assertThatThrownBy(() -> shop.orders.cancel("intruder", o.orderId())).isInstanceOf(shop.verdant.domain.common.NotFoundException.class);
        assertThat(shop.store.levels("cancel-1")).isEqualTo(new StockLedger.Levels(1, 2, 0));

        assertThat(shop.orders.cancel("owner", o.orderId()).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(shop.orders.cancel("owner", o.orderId()).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(shop.store.levels("cancel-1")).isEqualTo(new StockLedger.Levels(3, 0, 0));
    }

    @Test
    void expirySweepRacingCancelAndPayment_releasesAtMostOnce() throws Exception {
        shop.product("race-1", 100, 200);
        List<Order> placed = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            var o = shop.place("racer", "race-key-" + String.format("%03d", i), ShopOnDynamo.order("race-1", 2));
            placed.add(shop.store.find(o.orderId()).orElseThrow());
        }
        shop.clock.advance(Duration.ofMinutes(16));
        AtomicInteger wins = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            work.add(pool.submit(() -> {
                go.await();
                wins.addAndGet(shop.orders.expireDue(100));
                return null;
            }));
        }
        for (int i = 0; i < placed.size(); i++) {
            Order order = placed.get(i);
            boolean payFirst = i % 2 == 0;
            work.add(pool.submit(() -> {
                go.await();
                boolean first = payFirst ? shop.store.markPaid(order, shop.clock.instant())
                        : shop.store.release(order, OrderStatus.CANCELLED, shop.clock.instant());
                boolean second = payFirst ? shop.store.release(order, OrderStatus.CANCELLED, shop.clock.instant())
                        : shop.store.markPaid(order, shop.clock.instant());
                assertThat(first && second).as("two transitions of one order").isFalse();
                wins.addAndGet((first ? 1 : 0) + (second ? 1 : 0));
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : work) {
            f.get();
        }
        // (the sweepers also expire other tests' due orders, so wins are counted per product below)
        long paid = 0;
        for (Order order : placed) {
            OrderStatus status = shop.store.find(order.orderId()).orElseThrow().status();
            assertThat(status).isNotEqualTo(OrderStatus.PENDING_PAYMENT);
            paid += status == OrderStatus.PAID ? 1 : 0;
        }
        StockLedger.Levels levels = shop.store.levels("race-1");
        assertThat(levels.reserved()).isZero();
        assertThat(levels.sold()).isEqualTo(2 * paid);
        assertThat(levels.available()).as("released at most once per order").isEqualTo(200 - 2 * paid);
        assertThat(wins.get()).isGreaterThanOrEqualTo(placed.size());
    }

    @Test
    void expiredOrdersLeaveTheSweepersIndex_andNotDueOnesStay() {
        shop.product("due-1", 100, 10);
        var early = shop.place("due", "due-key-001", ShopOnDynamo.order("due-1", 1));
        shop.clock.advance(Duration.ofMinutes(10));
        var late = shop.place("due", "due-key-002", ShopOnDynamo.order("due-1", 1));
        shop.clock.advance(Duration.ofMinutes(6));
        assertThat(shop.orders.expireDue(100)).isGreaterThanOrEqualTo(1);
        assertThat(shop.orders.get("due", early.orderId()).status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(shop.orders.get("due", late.orderId()).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(shop.store.dueForExpiry(shop.clock.instant(), 100)).doesNotContain(early.orderId());
        assertThat(shop.store.levels("due-1")).isEqualTo(new StockLedger.Levels(9, 1, 0));
    }

    @Test
    void ordersListNewestFirst_inPages_ownOnly() {
        shop.product("list-1", 100, 50);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            shop.clock.advance(Duration.ofSeconds(1));
            ids.add(shop.place("lister", "list-key-00" + i, ShopOnDynamo.order("list-1", 1)).orderId());
        }
        shop.place("not-lister", "list-key-999", ShopOnDynamo.order("list-1", 1));
        var first = shop.orders.list("lister", null, 2);
        var second = shop.orders.list("lister", first.nextCursor(), 2);
        var third = shop.orders.list("lister", second.nextCursor(), 2);
        List<String> seen = new ArrayList<>();
        for (var page : List.of(first, second, third)) {
            page.orders().forEach(o -> seen.add(o.orderId()));
        }
        assertThat(seen).containsExactlyElementsOf(reversed(ids));
        assertThatThrownBy(() -> shop.orders.list("lister", "not-a-cursor", 2)).isInstanceOf(ValidationException.class);
    }

    private static List<String> reversed(List<String> in) {
        List<String> out = new ArrayList<>(in);
        java.util.Collections.reverse(out);
        return out;
    }
}

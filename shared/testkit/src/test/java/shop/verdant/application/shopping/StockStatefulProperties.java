package shop.verdant.application.shopping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import shop.verdant.application.shopping.port.StockLedger;
import shop.verdant.domain.common.ConflictException;
import shop.verdant.domain.shopping.Order;
import shop.verdant.domain.shopping.OrderStatus;
import shop.verdant.testing.ShopOnDynamo;

/**
 * Random sequences of place / cancel / expire / pay / restock against DynamoDB Local, checked after every
 * step against a model: for every SKU available + reserved + sold = initial + restocked, available >= 0,
 * and each bucket is exactly what the model predicts (so an order is refused exactly when stock is short).
 */
class StockStatefulProperties {
    private static final ShopOnDynamo SHOP = new ShopOnDynamo();

    /** The model next to the real store. */
    static final class World {
        final String run = UUID.randomUUID().toString().substring(0, 8);
        final List<String> skus = new ArrayList<>();
        final Map<String, Long> initialPlusRestocked = new HashMap<>();
        final Map<String, long[]> expected = new HashMap<>();   // available, reserved, sold
        final Map<String, Order> orders = new LinkedHashMap<>();
        int keys;

        World() {
            for (int i = 0; i < 3; i++) {
                String id = "st-" + run + "-" + i;
                long stock = i;   // 0, 1 and 2 units: shortages are common
                SHOP.product(id, 100 + i, stock);
                skus.add(id);
                initialPlusRestocked.put(id, stock);
                expected.put(id, new long[] {stock, 0, 0});
            }
        }

        void check() {
            for (String id : skus) {
                StockLedger.Levels l = SHOP.store.levels(id);
                assertThat(l.available()).as("available of " + id).isGreaterThanOrEqualTo(0);
                assertThat(l.total()).as("available + reserved + sold of " + id).isEqualTo(initialPlusRestocked.get(id));
                long[] e = expected.get(id);
                assertThat(new long[] {l.available(), l.reserved(), l.sold()}).as("buckets of " + id).containsExactly(e);
            }
        }

        List<Order> pending() {
            return orders.values().stream().filter(o -> o.status() == OrderStatus.PENDING_PAYMENT).toList();
        }
    }

    @Property(tries = 40)
    void stockIsConservedAndNeverNegative(@ForAll("chains") ActionChain<World> chain) {
        chain.withInvariant("stock conserved", World::check).run();
    }

    @Provide
    Arbitrary<ActionChain<World>> chains() {
        return ActionChain.startWith(World::new)
                .withAction(3, new Place())
                .withAction(1, new Cancel())
                .withAction(1, new Expire())
                .withAction(1, new Pay())
                .withAction(1, new Restock())
                .withMaxTransformations(20);
    }

    static final class Place implements Action.Dependent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer(World w) {
            Arbitrary<Map<String, Integer>> lines = Arbitraries.maps(Arbitraries.of(w.skus), Arbitraries.integers().between(1, 3))
                    .ofMinSize(1).ofMaxSize(3);
            return lines.map(wanted -> Transformer.mutate("place " + wanted, world -> {
                String key = "k-" + world.run + "-" + (++world.keys);
                List<PlaceOrderCommand.Line> commandLines = wanted.entrySet().stream()
                        .map(e -> new PlaceOrderCommand.Line(e.getKey(), e.getValue())).toList();
                boolean enough = wanted.entrySet().stream()
                        .allMatch(e -> world.expected.get(e.getKey())[0] >= e.getValue());
                try {
                    var outcome = SHOP.place("cust-" + world.run, key,
                            new PlaceOrderCommand(commandLines, ShopOnDynamo.SHIP_TO));
                    assertThat(enough).as("placed although stock was short").isTrue();
                    world.orders.put(outcome.orderId(), SHOP.store.find(outcome.orderId()).orElseThrow());
                    wanted.forEach((id, q) -> {
                        world.expected.get(id)[0] -= q;
                        world.expected.get(id)[1] += q;
                    });
                } catch (ConflictException e) {
                    assertThat(e.slug()).isEqualTo("insufficient-stock");
                    assertThat(enough).as("refused although stock sufficed").isFalse();
                }
            }));
        }
    }

    /** Cancels any order: only an unpaid one gives stock back; the others answer 409 or stay cancelled. */
    static final class Cancel implements Action.Dependent<World> {
        @Override
        public boolean precondition(World w) {
            return !w.orders.isEmpty();
        }

        @Override
        public Arbitrary<Transformer<World>> transformer(World w) {
            return Arbitraries.of(List.copyOf(w.orders.keySet())).map(id -> Transformer.mutate("cancel " + id, world -> {
                Order before = world.orders.get(id);
                try {
                    Order after = SHOP.orders.cancel(before.customerId(), id);
                    assertThat(after.status()).isEqualTo(OrderStatus.CANCELLED);
                    if (before.status() == OrderStatus.PENDING_PAYMENT) {
                        release(world, before);
                    }
                    world.orders.put(id, before.withStatus(OrderStatus.CANCELLED, after.updatedAt()));
                } catch (ConflictException e) {
                    assertThat(before.status()).isIn(OrderStatus.PAID, OrderStatus.EXPIRED);
                }
            }));
        }
    }

    /** Time passes (0–20 minutes) and the sweeper runs: everything unpaid and past its 15 minutes expires. */
    static final class Expire implements Action.Independent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer() {
            return Arbitraries.integers().between(0, 20).map(minutes -> Transformer.mutate("wait " + minutes + " min, sweep", world -> {
                SHOP.clock.advance(Duration.ofMinutes(minutes));
                SHOP.orders.expireDue(1000);
                for (Order o : world.pending()) {
                    if (!o.expiresAt().isAfter(SHOP.clock.instant())) {
                        release(world, o);
                        world.orders.put(o.orderId(), o.withStatus(OrderStatus.EXPIRED, SHOP.clock.instant()));
                    }
                }
            }));
        }
    }

    static final class Pay implements Action.Dependent<World> {
        @Override
        public boolean precondition(World w) {
            return !w.orders.isEmpty();
        }

        @Override
        public Arbitrary<Transformer<World>> transformer(World w) {
            return Arbitraries.of(List.copyOf(w.orders.keySet())).map(id -> Transformer.mutate("pay " + id, world -> {
                Order before = world.orders.get(id);
                boolean paid = SHOP.store.markPaid(before, SHOP.clock.instant());
                assertThat(paid).isEqualTo(before.status() == OrderStatus.PENDING_PAYMENT);
                if (paid) {
                    for (var line : before.lines()) {
                        long[] e = world.expected.get(line.productId());
                        e[1] -= line.quantity();
                        e[2] += line.quantity();
                    }
                    world.orders.put(id, before.withStatus(OrderStatus.PAID, SHOP.clock.instant()));
                }
            }));
        }
    }

    static final class Restock implements Action.Dependent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer(World w) {
            return Arbitraries.of(w.skus).flatMap(id -> Arbitraries.integers().between(1, 3).map(q ->
                    Transformer.mutate("restock " + id + " +" + q, world -> {
                        SHOP.store.restock(id, q);
                        world.expected.get(id)[0] += q;
                        world.initialPlusRestocked.merge(id, (long) q, Long::sum);
                    })));
        }
    }

    private static void release(World world, Order o) {
        for (var line : o.lines()) {
            long[] e = world.expected.get(line.productId());
            e[0] += line.quantity();
            e[1] -= line.quantity();
        }
    }
}

package shop.verdant.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import shop.verdant.adapter.dynamodb.DynamoDb;
import shop.verdant.adapter.dynamodb.DynamoDbCartRepository;
import shop.verdant.adapter.dynamodb.DynamoDbOrderStore;
import shop.verdant.adapter.dynamodb.DynamoDbProductRepository;
import shop.verdant.adapter.dynamodb.DynamoDbWishlistRepository;
import shop.verdant.application.shopping.CartOwner;
import shop.verdant.application.shopping.CartTokens;
import shop.verdant.application.shopping.Carts;
import shop.verdant.application.shopping.Orders;
import shop.verdant.application.shopping.PlaceOrder;
import shop.verdant.application.shopping.PlaceOrderCommand;
import shop.verdant.application.shopping.Wishlists;
import shop.verdant.domain.catalog.Product;
import shop.verdant.domain.catalog.ProductStatus;
import shop.verdant.domain.common.Keyring;
import shop.verdant.domain.common.Money;
import shop.verdant.domain.shopping.Address;
import shop.verdant.contract.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The shopping services on DynamoDB Local, over freshly named tables, with a clock the test moves.
 * Real adapters, real conditional writes and transactions: what the handlers run on.
 */
public final class ShopOnDynamo {
    public static final Address SHIP_TO = new Address("Ann Example", "1 Green Lane", null, "Utrecht", "3511 AB", "NL");

    /** A clock that stands still until the test moves it. */
    public static final class TestClock extends Clock {
        private final AtomicReference<Instant> now;

        public TestClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        public void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    public final DynamoDbClient client;
    public final String productsTable;
    public final String ordersTable;
    public final String cartsTable;
    public final String idempotencyTable;
    public final DynamoDbProductRepository products;
    public final DynamoDbOrderStore store;
    /** Issues and verifies visitor cart tokens with a keyring made for this shop. */
    public final CartTokens cartTokens = new CartTokens(Keyring.parse(Keyring.generate("test")));
    public final Carts carts;
    public final Wishlists wishlists;
    public final PlaceOrder placeOrder;
    public final Orders orders;
    /**
     * Starts at the real time: DynamoDB Local deletes items whose TTL attribute is past by the machine's clock,
     * so a test clock fixed in the past would see its one-day visitor carts vanish between two calls.
     */
    public final TestClock clock = new TestClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    private final AtomicLong ids = new AtomicLong();

    public ShopOnDynamo() {
        LocalEngines.start();
        client = LocalEngines.dynamoClient();
        productsTable = LocalEngines.createTable(client, Tables.PRODUCTS);
        ordersTable = LocalEngines.createTable(client, Tables.ORDERS);
        cartsTable = LocalEngines.createTable(client, Tables.CARTS);
        idempotencyTable = LocalEngines.createTable(client, Tables.IDEMPOTENCY);
        String wishlistsTable = LocalEngines.createTable(client, Tables.WISHLISTS);
        products = new DynamoDbProductRepository(client, productsTable);
        store = new DynamoDbOrderStore(client, ordersTable, productsTable, idempotencyTable);
        carts = new Carts(new DynamoDbCartRepository(client, cartsTable, clock), products, clock, cartTokens);
        wishlists = new Wishlists(new DynamoDbWishlistRepository(client, wishlistsTable), products, carts, clock);
        placeOrder = new PlaceOrder(store, products, carts, clock,
                () -> String.format("0000-order-%08d-%s", ids.incrementAndGet(), Long.toHexString(System.nanoTime())),
                () -> Duration.ofMinutes(15), shop.verdant.domain.shopping.ShippingRates.STANDARD);
        orders = new Orders(store, clock);
    }

    /** Saves an ACTIVE product with this much stock available and answers it. */
    public Product product(String id, long priceMinor, long stock) {
        Product p = new Product(id, "merchant-1", "SKU-" + id, "Product " + id, "A product.", "brand-1", "green",
                "cat-1", Map.of(), Money.of(priceMinor, "EUR"), stock, 0, ProductStatus.ACTIVE, List.of(), null,
                clock.instant(), clock.instant(), "test", 0);
        products.save(p);
        return p;
    }

    public static PlaceOrderCommand order(String productId, int quantity) {
        return new PlaceOrderCommand(List.of(new PlaceOrderCommand.Line(productId, quantity)), SHIP_TO);
    }

    /** What a placement answered, as a test compares it: the status, a rendering of the order, whether it was a replay. */
    public record Placed(int status, String body, String orderId, boolean replayed) {
    }

    /** Places an order through the real service and renders what it answers (a replay renders the stored snapshot). */
    public Placed place(String customerId, String idempotencyKey, PlaceOrderCommand command) {
        PlaceOrder.Outcome o = placeOrder.place(customerId, idempotencyKey, command);
        return new Placed(201, render(o.order()), o.order().orderId(), o.replayed());
    }

    /** Renders an order the way a test can compare: its id, total, status and reservation end. */
    public static String render(shop.verdant.domain.shopping.Order o) {
        return "{\"orderId\":\"" + o.orderId() + "\",\"total\":" + o.total().minor() + ",\"status\":\"" + o.status()
                + "\",\"expiresAt\":\"" + o.expiresAt() + "\",\"updatedAt\":\"" + o.updatedAt() + "\"}";
    }

    /** A visitor with a new cart token this shop issued. */
    public CartOwner newVisitor() {
        return carts.visitor(cartTokens.issue());
    }

    public long count(String table) {
        return client.scan(b -> b.tableName(table).select("COUNT")).count();
    }
}

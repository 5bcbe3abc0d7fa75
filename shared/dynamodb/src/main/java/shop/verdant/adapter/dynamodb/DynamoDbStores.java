package shop.verdant.adapter.dynamodb;

import java.time.Clock;
import java.util.function.Supplier;
import shop.verdant.application.catalog.port.BrandRepository;
import shop.verdant.application.payments.port.PaymentStore;
import shop.verdant.application.catalog.port.CategoryRepository;
import shop.verdant.application.catalog.port.ProductRepository;
import shop.verdant.application.shopping.port.CartRepository;
import shop.verdant.application.shopping.port.OrderStore;
import shop.verdant.application.shopping.port.WishlistRepository;
import shop.verdant.config.Env;
import shop.verdant.config.Lazy;
import shop.verdant.contract.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB side of a function group, as ports: each store is created on first use, over the table the
 * environment names, on one client made on first use. A container that only searches never loads the
 * SDK (a third of a cold start); under SnapStart the priming request creates it before the snapshot.
 */
public final class DynamoDbStores {
    private final Supplier<DynamoDbClient> client;

    private DynamoDbStores(Supplier<DynamoDbClient> client) {
        this.client = Lazy.memoize(client);
    }

    /** Tables named by the environment ({@code PRODUCTS_TABLE}, ...), client from {@link DynamoDb#client()}. */
    public static DynamoDbStores fromEnvironment() {
        return new DynamoDbStores(DynamoDb::client);
    }

    /** Tables named by the environment, through {@code client} (a tool's or a test's, acting as one actor throughout). */
    public static DynamoDbStores fromEnvironment(DynamoDbClient client) {
        return new DynamoDbStores(() -> client);
    }

    /** The one client these stores share, made on first use (for the back office's stores, {@link DynamoDbBackOffice}). */
    public Supplier<DynamoDbClient> client() {
        return client;
    }

    public ProductRepository products() {
        return Lazy.of(ProductRepository.class,
                () -> new DynamoDbProductRepository(client.get(), Env.require(Tables.PRODUCTS.envVar())));
    }

    public CategoryRepository categories() {
        return Lazy.of(CategoryRepository.class,
                () -> new DynamoDbCategoryRepository(client.get(), Env.require(Tables.CATEGORIES.envVar())));
    }

    public BrandRepository brands() {
        return Lazy.of(BrandRepository.class,
                () -> new DynamoDbBrandRepository(client.get(), Env.require(Tables.BRANDS.envVar())));
    }

    public CartRepository carts(Clock clock) {
        return Lazy.of(CartRepository.class,
                () -> new DynamoDbCartRepository(client.get(), Env.require(Tables.CARTS.envVar()), clock));
    }

    public WishlistRepository wishlists() {
        return Lazy.of(WishlistRepository.class,
                () -> new DynamoDbWishlistRepository(client.get(), Env.require(Tables.WISHLISTS.envVar())));
    }

    public OrderStore orders() {
        return Lazy.of(OrderStore.class, () -> new DynamoDbOrderStore(client.get(), Env.require(Tables.ORDERS.envVar()),
                Env.require(Tables.PRODUCTS.envVar()), Env.get(Tables.IDEMPOTENCY.envVar(), ""),
                Env.get(Tables.SHIPMENTS.envVar(), null)));
    }

    /** Payments with their order and stock changes; also the ledger cash on delivery keeps. */
    public PaymentStore payments() {
        return Lazy.of(PaymentStore.class, () -> new DynamoDbPaymentStore(client.get(), Env.require(Tables.PAYMENTS.envVar()),
                Env.require(Tables.ORDERS.envVar()), Env.require(Tables.PRODUCTS.envVar()),
                Env.require(Tables.SHIPMENTS.envVar()), Env.require(Tables.PROCESSED_EVENTS.envVar())));
    }
}

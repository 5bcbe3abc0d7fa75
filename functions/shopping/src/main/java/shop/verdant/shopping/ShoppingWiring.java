package shop.verdant.shopping;

import com.github.f4b6a3.uuid.UuidCreator;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import shop.verdant.adapter.dynamodb.DynamoDb;
import shop.verdant.adapter.dynamodb.DynamoDbCartRepository;
import shop.verdant.adapter.dynamodb.DynamoDbOrderStore;
import shop.verdant.adapter.dynamodb.DynamoDbProductRepository;
import shop.verdant.adapter.dynamodb.DynamoDbWishlistRepository;
import shop.verdant.application.shopping.Carts;
import shop.verdant.application.shopping.Orders;
import shop.verdant.application.shopping.PlaceOrder;
import shop.verdant.application.shopping.Wishlists;
import shop.verdant.config.Env;
import shop.verdant.config.Lazy;
import shop.verdant.config.Priming;
import shop.verdant.spec.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The shopping functions' object graph, built once per container on first use. Handlers' no-arg
 * constructors take their services from here; tests pass their own. Under SnapStart the
 * priming hook reads through every adapter once before the snapshot.
 */
public final class ShoppingWiring {
    private ShoppingWiring() {
    }

    /** The use cases one container serves. */
    public record Services(Carts carts, Wishlists wishlists, PlaceOrder placeOrder, Orders orders) {
    }

    /** How long an unpaid order holds its stock: DESIGN says 15 minutes; tests and the local shop may shorten it. */
    public static Duration reservation() {
        return Duration.ofSeconds(Long.parseLong(Env.get("ORDER_EXPIRY_SECONDS", "900")));
    }

    /** Builds the services over DynamoDB tables named by the environment. */
    public static Services create(DynamoDbClient client, Clock clock) {
        var products = new DynamoDbProductRepository(DynamoDb.enhanced(client), Env.require(Tables.PRODUCTS.envVar()));
        var store = new DynamoDbOrderStore(client, Env.require(Tables.ORDERS.envVar()),
                Env.require(Tables.PRODUCTS.envVar()), Env.require(Tables.IDEMPOTENCY.envVar()));
        Carts carts = new Carts(new DynamoDbCartRepository(client, Env.require(Tables.CARTS.envVar()), clock), products, clock);
        Wishlists wishlists = new Wishlists(new DynamoDbWishlistRepository(client, Env.require(Tables.WISHLISTS.envVar())),
                products, carts, clock);
        PlaceOrder place = new PlaceOrder(store, products, carts, clock,
                () -> UuidCreator.getTimeOrderedEpoch().toString(), ShoppingWiring::reservation);
        return new Services(carts, wishlists, place, new Orders(store, clock));
    }

    static final Supplier<Services> SERVICES = Lazy.memoize(() -> create(DynamoDb.client(), Clock.systemUTC()));

    static final String IMAGE_BASE_URL = Env.get("IMAGE_BASE_URL", "/");

    static {
        // Before the SnapStart snapshot: build the graph and touch every table once. The URL-connection
        // HTTP client reconnects on demand after a restore: nothing to reset.
        Priming.register(() -> {
            Services s = SERVICES.get();
            s.carts().view(shop.verdant.application.shopping.CartOwner.user("priming"));
            s.wishlists().list("priming");
            s.orders().list("priming", null, 1);
        }, () -> { });
    }
}

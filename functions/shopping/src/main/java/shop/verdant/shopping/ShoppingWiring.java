package shop.verdant.shopping;

import com.github.f4b6a3.uuid.UuidCreator;
import java.time.Clock;
import java.util.function.Supplier;
import shop.verdant.adapter.dynamodb.DynamoDbStores;
import shop.verdant.adapter.jwt.CognitoPoolsVerifier;
import shop.verdant.adapter.metrics.PowertoolsMetrics;
import shop.verdant.adapter.secrets.SecretsExtensionSecrets;
import shop.verdant.application.shopping.CartOwner;
import shop.verdant.application.shopping.CartTokens;
import shop.verdant.application.shopping.Carts;
import shop.verdant.application.shopping.Orders;
import shop.verdant.application.shopping.PlaceOrder;
import shop.verdant.application.shopping.Wishlists;
import shop.verdant.config.Env;
import shop.verdant.config.Lazy;
import shop.verdant.config.Priming;
import shop.verdant.config.SecretSource;
import shop.verdant.contract.Need;
import shop.verdant.domain.common.Keyring;
import shop.verdant.domain.shopping.ShippingRates;
import shop.verdant.http.Metrics;
import shop.verdant.http.TokenVerifier;

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

    /** Builds the services over the stores' tables; every store opens on first use. */
    public static Services create(DynamoDbStores stores, SecretSource secrets, Clock clock) {
        var products = stores.products();
        var orders = stores.orders();
        Carts carts = new Carts(stores.carts(clock), products, clock,
                new CartTokens(Keyring.parse(secrets.get(Need.CART_TOKEN_KEY.secretName()))));
        Wishlists wishlists = new Wishlists(stores.wishlists(), products, carts, clock);
        PlaceOrder place = new PlaceOrder(orders, products, carts, clock,
                () -> UuidCreator.getTimeOrderedEpoch().toString(), shop.verdant.config.OrderSettings::reservation, SHIPPING);
        return new Services(carts, wishlists, place, new Orders(orders, clock));
    }

    static final Supplier<Services> SERVICES = Lazy.memoize(() ->
            create(DynamoDbStores.fromEnvironment(), SecretsExtensionSecrets.fromEnvironment(), Clock.systemUTC()));

    /** Verifies bearer tokens on the cart's OPTIONAL routes, of either pool (the pools' JWKS are fetched on first use). */
    private static final Supplier<CognitoPoolsVerifier> VERIFIER = Lazy.memoize(CognitoPoolsVerifier::fromEnvironment);
    static final Supplier<TokenVerifier> TOKENS = VERIFIER::get;

    /** Delivery prices: the same rates price the cart's quote and the order. */
    static final ShippingRates SHIPPING = ShippingRates.STANDARD;

    static final String IMAGE_BASE_URL = Env.get("IMAGE_BASE_URL", "/");
    static final Metrics METRICS = PowertoolsMetrics.fromEnvironment();
    static final shop.verdant.application.tracking.Tracker TRACKER = shop.verdant.http.BehaviourSinks.tracker(METRICS);

    static {
        // Before the SnapStart snapshot: build the graph, touch every table once and fetch the pool's signing
        // keys. The URL-connection HTTP client reconnects on demand after a restore: nothing to reset.
        Priming.register(() -> {
            VERIFIER.get().prime();
            Services s = SERVICES.get();
            s.carts().view(CartOwner.user("priming"));
            s.wishlists().list("priming");
            s.orders().list("priming", null, 1);
        }, () -> { });
    }
}

package shop.verdant.shopping;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;
import shop.verdant.application.shopping.CartOwner;
import shop.verdant.application.shopping.CartView;
import shop.verdant.application.tracking.Tracker;
import shop.verdant.domain.tracking.BehaviourEvent;
import shop.verdant.domain.tracking.EventType;
import shop.verdant.domain.common.ValidationException;
import shop.verdant.domain.shopping.Destination;
import shop.verdant.http.ApiHandler;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Metrics;
import shop.verdant.http.TokenVerifier;

/** What the shopping handlers share: their services, whose cart a request means, and the cart answer. */
abstract class ShoppingHandler extends ApiHandler {
    private final Supplier<ShoppingWiring.Services> services;

    ShoppingHandler(Supplier<ShoppingWiring.Services> services) {
        this.services = services;
    }

    ShoppingWiring.Services services() {
        return services.get();
    }

    /** Behaviour tracking of this container (the wiring's sink). */
    protected Tracker tracker() {
        return ShoppingWiring.TRACKER;
    }

    /** A product event about a line of the cart now shown (its name from the line; absent when it is gone). */
    void trackProduct(ApiRequest request, EventType type, String productId, CartView view, int quantity) {
        String name = null;
        String category = null;
        for (CartView.Line line : view.lines()) {
            if (line.productId().equals(productId) && line.product() != null) {
                name = line.product().name();
                category = line.product().categoryId();
            }
        }
        tracker().track(request.visit(), new BehaviourEvent.ProductEvent(type, productId, name, category, quantity));
    }

    @Override
    protected Metrics metrics() {
        return ShoppingWiring.METRICS;
    }

    @Override
    protected TokenVerifier tokenVerifier() {
        return ShoppingWiring.TOKENS.get();
    }

    /** A signed-in caller's own cart; otherwise the visitor cart named by {@code X-Cart-Token}, if the shop issued it. */
    CartOwner owner(ApiRequest request) {
        return request.principal() != null ? CartOwner.user(request.principal().sub())
                : services().carts().visitor(request.header("X-Cart-Token"));
    }

    /**
     * The cart answer, with what it would cost delivered to the {@code country} query parameter (the
     * Netherlands when absent): shipping, VAT and total, computed here, never by the client.
     */
    static APIGatewayProxyResponseEvent cart(ApiRequest request, Supplier<CartView> action) {
        String country = request.queryParameter("country");
        Destination to = Destination.of(country == null ? "NL" : country).orElseThrow(() -> ValidationException.of("country",
                "We deliver to " + String.join(", ", Destination.ALL.stream().map(Destination::country).toList()) + "."));
        CartView view = action.get();   // after the request was checked: a bad one changes nothing
        APIGatewayProxyResponseEvent response = ApiResponse.privateJson(200,
                ShoppingViews.cart(view, to, view.quote(to, ShoppingWiring.SHIPPING), ShoppingWiring.SHIPPING));
        if (view.cartToken() != null) {
            response.getHeaders().put("X-Cart-Token", view.cartToken());
        }
        return response;
    }
}

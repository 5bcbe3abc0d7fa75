package shop.verdant.shopping;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;
import shop.verdant.application.shopping.CartOwner;
import shop.verdant.application.shopping.CartView;
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

    static APIGatewayProxyResponseEvent cart(CartView view) {
        APIGatewayProxyResponseEvent response = ApiResponse.privateJson(200, ShoppingViews.cart(view));
        if (view.cartToken() != null) {
            response.getHeaders().put("X-Cart-Token", view.cartToken());
        }
        return response;
    }
}

package shop.verdant.shopping;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;
import shop.verdant.http.ApiRequest;
import shop.verdant.domain.tracking.EventType;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Json;

/** POST /api/cart/items: adds a product ({"productId","quantity"}); a visitor without a cart gets one and its token. */
public final class AddCartItemHandler extends ShoppingHandler {
    public AddCartItemHandler() {
        super(ShoppingWiring.SERVICES);
    }

    public AddCartItemHandler(Supplier<ShoppingWiring.Services> services) {
        super(services);
    }

    record Body(String productId, Integer quantity) {
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        Body body = Json.readBody(request.body(), Body.class);
        return cart(request, () -> {
            var view = services().carts().add(owner(request), body.productId(), body.quantity());
            trackProduct(request, EventType.CART_ADD, body.productId(), view, body.quantity() == null ? 1 : body.quantity());
            return view;
        });
    }
}

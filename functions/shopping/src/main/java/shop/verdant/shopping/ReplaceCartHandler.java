package shop.verdant.shopping;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Json;

/** PUT /api/cart: replaces every line ({"lines":[{"productId","quantity"}]}). */
public final class ReplaceCartHandler extends ShoppingHandler {
    public ReplaceCartHandler() {
        super(ShoppingWiring.SERVICES);
    }

    public ReplaceCartHandler(Supplier<ShoppingWiring.Services> services) {
        super(services);
    }

    record Body(java.util.List<shop.verdant.application.shopping.Carts.Wanted> lines) {
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        Body body = Json.readBody(request.body(), Body.class);
        return cart(request, () -> services().carts().replace(owner(request), body.lines()));
    }
}

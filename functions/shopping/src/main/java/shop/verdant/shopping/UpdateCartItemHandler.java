package shop.verdant.shopping;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Json;

/** PATCH /api/cart/items/{productId}: sets the quantity ({"quantity"}). */
public final class UpdateCartItemHandler extends ShoppingHandler {
    public UpdateCartItemHandler() {
        super(ShoppingWiring.SERVICES);
    }

    public UpdateCartItemHandler(Supplier<ShoppingWiring.Services> services) {
        super(services);
    }

    record Body(Integer quantity) {
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        Body body = Json.readBody(request.body(), Body.class);
        return cart(request, () -> services().carts().setQuantity(owner(request), request.pathParameter("productId"), body.quantity()));
    }
}

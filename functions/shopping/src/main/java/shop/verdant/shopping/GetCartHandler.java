package shop.verdant.shopping;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Json;

/** GET /api/cart: the caller's cart, repriced now, with stock warnings. */
public final class GetCartHandler extends ShoppingHandler {
    public GetCartHandler() {
        super(ShoppingWiring.SERVICES);
    }

    public GetCartHandler(Supplier<ShoppingWiring.Services> services) {
        super(services);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        return cart(request, () -> services().carts().view(owner(request)));
    }
}

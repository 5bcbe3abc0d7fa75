package shop.verdant.shopping;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;
import shop.verdant.http.ApiRequest;
import shop.verdant.domain.tracking.EventType;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Json;

/** DELETE /api/cart/items/{productId}: removes the product (removing an absent one is fine). */
public final class RemoveCartItemHandler extends ShoppingHandler {
    public RemoveCartItemHandler() {
        super(ShoppingWiring.SERVICES);
    }

    public RemoveCartItemHandler(Supplier<ShoppingWiring.Services> services) {
        super(services);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        String productId = request.pathParameter("productId");
        return cart(request, () -> {
            var view = services().carts().remove(owner(request), productId);
            trackProduct(request, EventType.CART_REMOVE, productId, view, 0);
            return view;
        });
    }
}

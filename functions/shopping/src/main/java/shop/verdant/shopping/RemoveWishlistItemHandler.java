package shop.verdant.shopping;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Json;

/** DELETE /api/wishlist/{productId}: takes a product off the wishlist. */
public final class RemoveWishlistItemHandler extends ShoppingHandler {
    public RemoveWishlistItemHandler() {
        super(ShoppingWiring.SERVICES);
    }

    public RemoveWishlistItemHandler(Supplier<ShoppingWiring.Services> services) {
        super(services);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        return ApiResponse.privateJson(200, ShoppingViews.wishlist(services().wishlists()
                .remove(request.requirePrincipal().sub(), request.pathParameter("productId"))));
    }
}

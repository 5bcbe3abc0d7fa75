package shop.verdant.shopping;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Json;

/** PUT /api/wishlist/{productId}: puts a product on the wishlist (again: no change). */
public final class AddWishlistItemHandler extends ShoppingHandler {
    public AddWishlistItemHandler() {
        super(ShoppingWiring.SERVICES);
    }

    public AddWishlistItemHandler(Supplier<ShoppingWiring.Services> services) {
        super(services);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        return ApiResponse.privateJson(200, ShoppingViews.wishlist(services().wishlists()
                .add(request.requirePrincipal().sub(), request.pathParameter("productId"))));
    }
}

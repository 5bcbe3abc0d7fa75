package shop.verdant.shopping;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Json;

/** GET /api/wishlist: the customer's wishlist, newest first, with today's prices. */
public final class ListWishlistHandler extends ShoppingHandler {
    public ListWishlistHandler() {
        super(ShoppingWiring.SERVICES);
    }

    public ListWishlistHandler(Supplier<ShoppingWiring.Services> services) {
        super(services);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        return ApiResponse.privateJson(200, ShoppingViews.wishlist(services().wishlists().list(request.requirePrincipal().sub())));
    }
}

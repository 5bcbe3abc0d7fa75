package shop.verdant.shopping;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;
import shop.verdant.http.ApiRequest;
import shop.verdant.domain.tracking.BehaviourEvent;
import shop.verdant.domain.tracking.EventType;
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
        String productId = request.pathParameter("productId");
        var entries = services().wishlists().add(request.requirePrincipal().sub(), productId);
        tracker().track(request.visit(), new BehaviourEvent.ProductEvent(EventType.WISHLIST_ADD, productId, null, null, 1));
        return ApiResponse.privateJson(200, ShoppingViews.wishlist(entries));
    }
}

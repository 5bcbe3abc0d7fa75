package shop.verdant.shopping;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;
import shop.verdant.http.ApiRequest;
import shop.verdant.domain.tracking.EventType;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Json;

/** POST /api/wishlist/{productId}/move-to-cart: one into the cart, off the wishlist; answers the cart. */
public final class MoveWishlistItemToCartHandler extends ShoppingHandler {
    public MoveWishlistItemToCartHandler() {
        super(ShoppingWiring.SERVICES);
    }

    public MoveWishlistItemToCartHandler(Supplier<ShoppingWiring.Services> services) {
        super(services);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        String productId = request.pathParameter("productId");
        return cart(request, () -> {
            var view = services().wishlists().moveToCart(request.requirePrincipal().sub(), productId);
            trackProduct(request, EventType.CART_ADD, productId, view, 1);
            return view;
        });
    }
}

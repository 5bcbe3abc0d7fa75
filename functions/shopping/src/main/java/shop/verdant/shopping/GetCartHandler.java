package shop.verdant.shopping;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;
import shop.verdant.http.ApiRequest;
import shop.verdant.domain.common.Money;
import shop.verdant.domain.tracking.BehaviourEvent;
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
        return cart(request, () -> {
            var view = services().carts().view(owner(request));
            // the checkout page prices the cart for a country: that is a signed-in customer starting to check out
            if (request.principal() != null && request.queryParameter("country") != null && view.itemCount() > 0
                    && view.currency() != null) {
                tracker().track(request.visit(), new BehaviourEvent.Checkout(view.itemCount(),
                        Money.of(view.subtotalMinor(), view.currency())));
            }
            return view;
        });
    }
}

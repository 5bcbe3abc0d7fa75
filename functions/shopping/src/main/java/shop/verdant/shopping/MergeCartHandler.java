package shop.verdant.shopping;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;
import shop.verdant.http.ApiRequest;
import shop.verdant.domain.tracking.BehaviourEvent;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Json;

/** POST /api/cart/merge: moves the visitor cart named by X-Cart-Token into the signed-in customer's cart. */
public final class MergeCartHandler extends ShoppingHandler {
    public MergeCartHandler() {
        super(ShoppingWiring.SERVICES);
    }

    public MergeCartHandler(Supplier<ShoppingWiring.Services> services) {
        super(services);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        return cart(request, () -> {
            var view = services().carts().merge(request.requirePrincipal().sub(), request.header("X-Cart-Token"));
            // the visitor's anonymous events so far belong to this user from now on
            tracker().track(request.visit(), new BehaviourEvent.Identify());
            return view;
        });
    }
}

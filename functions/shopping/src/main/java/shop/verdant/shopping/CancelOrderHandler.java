package shop.verdant.shopping;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Json;

/** POST /api/orders/{id}/cancel: cancels an unpaid order of the caller's and gives its stock back. */
public final class CancelOrderHandler extends ShoppingHandler {
    public CancelOrderHandler() {
        super(ShoppingWiring.SERVICES);
    }

    public CancelOrderHandler(Supplier<ShoppingWiring.Services> services) {
        super(services);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        return ApiResponse.privateJson(200, ShoppingViews.order(services().orders()
                .cancel(request.requirePrincipal().sub(), request.pathParameter("id"))));
    }
}

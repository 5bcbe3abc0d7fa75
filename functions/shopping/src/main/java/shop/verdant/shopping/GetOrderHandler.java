package shop.verdant.shopping;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Json;

/** GET /api/orders/{id}: one of the caller's own orders; anyone else's is 404. */
public final class GetOrderHandler extends ShoppingHandler {
    public GetOrderHandler() {
        super(ShoppingWiring.SERVICES);
    }

    public GetOrderHandler(Supplier<ShoppingWiring.Services> services) {
        super(services);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        var details = services().orders().details(request.requirePrincipal().sub(), request.pathParameter("id"));
        return ApiResponse.privateJson(200, ShoppingViews.order(details.order(), details.shipments()));
    }
}

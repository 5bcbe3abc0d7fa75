package shop.verdant.shopping;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Json;

/** GET /api/orders?limit=&cursor=: the caller's orders, newest first. */
public final class ListOrdersHandler extends ShoppingHandler {
    public ListOrdersHandler() {
        super(ShoppingWiring.SERVICES);
    }

    public ListOrdersHandler(Supplier<ShoppingWiring.Services> services) {
        super(services);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        var query = request.queryParameters();
        Integer limit = null;
        if (query.containsKey("limit")) {
            try {
                limit = Integer.valueOf(query.get("limit").get(0));
            } catch (NumberFormatException e) {
                throw shop.verdant.domain.common.ValidationException.of("limit", "Must be a whole number between 1 and 100.");
            }
        }
        String cursor = query.containsKey("cursor") ? query.get("cursor").get(0) : null;
        var page = services().orders().list(request.requirePrincipal().sub(), cursor, limit);
        return ApiResponse.privateJson(200, new ShoppingViews.OrderPageJson(
                page.orders().stream().map(ShoppingViews::order).toList(), page.nextCursor()));
    }
}

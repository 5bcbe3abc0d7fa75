package shop.verdant.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import shop.verdant.application.admin.OrderDesk;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;

/** GET /api/admin/orders?id=|email=|status=&limit=&cursor=: orders newest first; {@code next} continues. */
public final class FindOrdersHandler extends AdminHandler<OrderDesk> {
    public FindOrdersHandler() {
        super(AdminWiring.ORDERS);
    }

    public FindOrdersHandler(Supplier<OrderDesk> desk) {
        super(desk);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        Integer n = request.intParameter("limit");
        var page = service().find(request.queryParameter("id"), request.queryParameter("email"), request.queryParameter("status"),
                request.queryParameter("cursor"), n);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.orders().stream().map(AdminViews::order).toList());
        if (page.next() != null) {
            body.put("next", page.next());
        }
        return ApiResponse.privateJson(200, body);
    }
}

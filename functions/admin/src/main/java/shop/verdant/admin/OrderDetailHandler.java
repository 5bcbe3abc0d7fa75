package shop.verdant.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import java.util.function.Supplier;
import shop.verdant.application.admin.OrderDesk;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;

/** GET /api/admin/orders/{orderId}: the order, and each of its payments with what was refunded and whether disputed. */
public final class OrderDetailHandler extends AdminHandler<OrderDesk> {
    public OrderDetailHandler() {
        super(AdminWiring.ORDERS);
    }

    public OrderDetailHandler(Supplier<OrderDesk> desk) {
        super(desk);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        var d = service().detail(request.pathParameter("orderId"));
        return ApiResponse.privateJson(200, Map.of("order", AdminViews.order(d.order()),
                "payments", d.payments().stream().map(AdminViews::payment).toList()));
    }
}

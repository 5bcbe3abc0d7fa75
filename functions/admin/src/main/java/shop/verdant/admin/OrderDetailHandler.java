package shop.verdant.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import java.util.function.Supplier;
import shop.verdant.application.admin.OrderDesk;
import shop.verdant.http.ApiHandler;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Metrics;

/** GET /api/admin/orders/{orderId}: the order, and each of its payments with what was refunded and whether disputed. */
public final class OrderDetailHandler extends ApiHandler {
    private final Supplier<OrderDesk> desk;

    public OrderDetailHandler() {
        this(AdminWiring.ORDERS);
    }

    public OrderDetailHandler(Supplier<OrderDesk> desk) {
        this.desk = desk;
    }

    @Override
    protected Metrics metrics() {
        return AdminWiring.METRICS;
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        var d = desk.get().detail(request.pathParameter("orderId"));
        return ApiResponse.privateJson(200, Map.of("order", AdminViews.order(d.order()),
                "payments", d.payments().stream().map(AdminViews::payment).toList()));
    }
}

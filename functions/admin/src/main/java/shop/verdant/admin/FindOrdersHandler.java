package shop.verdant.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import shop.verdant.application.admin.OrderDesk;
import shop.verdant.http.ApiHandler;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Metrics;

/** GET /api/admin/orders?id=|email=|status=&limit=&cursor=: orders newest first; {@code next} continues. */
public final class FindOrdersHandler extends ApiHandler {
    private final Supplier<OrderDesk> desk;

    public FindOrdersHandler() {
        this(AdminWiring.ORDERS);
    }

    public FindOrdersHandler(Supplier<OrderDesk> desk) {
        this.desk = desk;
    }

    @Override
    protected Metrics metrics() {
        return AdminWiring.METRICS;
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        String limit = request.queryParameter("limit");
        Integer n;
        try {
            n = limit == null || limit.isBlank() ? null : Integer.valueOf(limit.strip());
        } catch (NumberFormatException e) {
            throw shop.verdant.domain.common.ValidationException.of("limit", "A whole number, 1 to 100.");
        }
        var page = desk.get().find(request.queryParameter("id"), request.queryParameter("email"), request.queryParameter("status"),
                request.queryParameter("cursor"), n);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.orders().stream().map(AdminViews::order).toList());
        if (page.next() != null) {
            body.put("next", page.next());
        }
        return ApiResponse.privateJson(200, body);
    }
}

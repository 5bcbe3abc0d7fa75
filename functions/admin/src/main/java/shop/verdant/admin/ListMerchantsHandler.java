package shop.verdant.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import java.util.function.Supplier;
import shop.verdant.application.admin.Merchants;
import shop.verdant.http.ApiHandler;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Metrics;

/** GET /api/admin/merchants?limit=: the shop's merchants, newest first. */
public final class ListMerchantsHandler extends ApiHandler {
    private final Supplier<Merchants> merchants;

    public ListMerchantsHandler() {
        this(AdminWiring.SERVICES);
    }

    public ListMerchantsHandler(Supplier<Merchants> merchants) {
        this.merchants = merchants;
    }

    @Override
    protected Metrics metrics() {
        return AdminWiring.METRICS;
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        String limit = request.queryParameter("limit");
        int n;
        try {
            n = limit == null || limit.isBlank() ? 50 : Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            throw shop.verdant.domain.common.ValidationException.of("limit", "A whole number, 1 to 100.");
        }
        return ApiResponse.privateJson(200, Map.of("items", merchants.get().list(n)));
    }
}

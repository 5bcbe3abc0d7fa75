package shop.verdant.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import java.util.function.Supplier;
import shop.verdant.application.admin.Merchants;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;

/** GET /api/admin/merchants?limit=: the shop's merchants, newest first. */
public final class ListMerchantsHandler extends AdminHandler<Merchants> {
    public ListMerchantsHandler() {
        super(AdminWiring.SERVICES);
    }

    public ListMerchantsHandler(Supplier<Merchants> merchants) {
        super(merchants);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        Integer limit = request.intParameter("limit");
        int n = limit == null ? 50 : limit;
        return ApiResponse.privateJson(200, Map.of("items", service().list(n)));
    }
}

package shop.verdant.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import java.util.function.Supplier;
import shop.verdant.application.admin.Merchants;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Json;

/**
 * POST /api/admin/merchants/{merchantId}/suspension {reason}: 200 with the merchant, now SUSPENDED, and how many of
 * its products left the shop; asking again moves nothing twice. 404 for a merchant not on the Merchants table.
 */
public final class SuspendMerchantHandler extends AdminHandler<Merchants> {
    public SuspendMerchantHandler() {
        super(AdminWiring.SERVICES);
    }

    public SuspendMerchantHandler(Supplier<Merchants> merchants) {
        super(merchants);
    }

    record Body(String reason) {
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        Body body = Json.readBody(request.body(), Body.class);
        var change = service().suspend(request.pathParameter("merchantId"), body == null ? null : body.reason(),
                "admin:" + request.requirePrincipal().sub());
        return ApiResponse.privateJson(200, Map.of("merchant", change.merchant(), "productsMoved", change.products()));
    }
}

package shop.verdant.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import java.util.function.Supplier;
import shop.verdant.application.admin.Merchants;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;

/**
 * DELETE /api/admin/merchants/{merchantId}/suspension: 200 with the merchant, ACTIVE again, and how many of its
 * products are back in the shop; asking again moves nothing twice. 404 for a merchant not on the Merchants table.
 */
public final class ReinstateMerchantHandler extends AdminHandler<Merchants> {
    public ReinstateMerchantHandler() {
        super(AdminWiring.SERVICES);
    }

    public ReinstateMerchantHandler(Supplier<Merchants> merchants) {
        super(merchants);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        var change = service().reinstate(request.pathParameter("merchantId"), "admin:" + request.requirePrincipal().sub());
        return ApiResponse.privateJson(200, Map.of("merchant", change.merchant(), "productsMoved", change.products()));
    }
}

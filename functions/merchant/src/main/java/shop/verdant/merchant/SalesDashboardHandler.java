package shop.verdant.merchant;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;

import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;

/** GET /api/merchant/dashboard?from=&to=: the caller's sales by day, from the per-merchant daily aggregates. */
public final class SalesDashboardHandler extends MerchantHandler {
    public SalesDashboardHandler() {
        super(MerchantWiring.SERVICES);
    }

    public SalesDashboardHandler(Supplier<MerchantWiring.Services> services) {
        super(services);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        return ApiResponse.privateJson(200, MerchantViews.dashboard(services().sales().dashboard(merchantId(request),
                request.queryParameter("from"), request.queryParameter("to"))));
    }
}

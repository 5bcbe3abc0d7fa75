package shop.verdant.merchant;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;
import shop.verdant.domain.common.ValidationException;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;

/** GET /api/merchant/products/{id}/stock?limit=: the product's stock levels and its latest movements, newest first. */
public final class StockHistoryHandler extends MerchantHandler {
    public StockHistoryHandler() {
        super(MerchantWiring.SERVICES);
    }

    public StockHistoryHandler(Supplier<MerchantWiring.Services> services) {
        super(services);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        String merchant = merchantId(request);
        String id = request.pathParameter("id");
        Integer limit = request.intParameter("limit");
        if (limit != null && (limit < 1 || limit > 100)) {
            throw ValidationException.of("limit", "Between 1 and 100.");
        }
        var history = services().stock().history(merchant, id, limit == null ? 50 : limit);
        return ApiResponse.privateJson(200, MerchantViews.stock(services().products().get(merchant, id).product(), history));
    }
}

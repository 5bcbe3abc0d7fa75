package shop.verdant.merchant;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;
import shop.verdant.domain.backoffice.StockAdjustment;
import shop.verdant.http.Json;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;

/** POST /api/merchant/products/{id}/stock {delta | set, reason, note?}: moves available stock, recorded as a movement. */
public final class AdjustStockHandler extends MerchantHandler {
    public AdjustStockHandler() {
        super(MerchantWiring.SERVICES);
    }

    public AdjustStockHandler(Supplier<MerchantWiring.Services> services) {
        super(services);
    }

    record Body(Long delta, Long set, String reason, String note) {
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        Body body = Json.readBody(request.body(), Body.class);
        StockAdjustment adjustment = StockAdjustment.of(body.delta(), body.set(), body.reason(), body.note());
        var moved = services().stock().adjust(merchantId(request), actor(request), request.pathParameter("id"), adjustment);
        if (moved.movement() != null) {
            metrics().count("StockAdjustments");
        }
        return ApiResponse.privateJson(200, MerchantViews.moved(moved));
    }
}

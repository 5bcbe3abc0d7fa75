package shop.verdant.merchant;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;

import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;

/** GET /api/merchant/shipments?status=&limit=&cursor=: the caller's shipments, newest first; never another merchant's. */
public final class ListShipmentsHandler extends MerchantHandler {
    public ListShipmentsHandler() {
        super(MerchantWiring.SERVICES);
    }

    public ListShipmentsHandler(Supplier<MerchantWiring.Services> services) {
        super(services);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        var page = services().shipments().list(merchantId(request), request.queryParameter("status"), request.intParameter("limit"),
                request.queryParameter("cursor"));
        return ApiResponse.privateJson(200, MerchantViews.shipments(page));
    }
}

package shop.verdant.merchant;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;

import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;

/** GET /api/merchant/products?status=&q=&stockBelow=&limit=&cursor=: the caller's products, newest first. */
public final class ListOwnProductsHandler extends MerchantHandler {
    public ListOwnProductsHandler() {
        super(MerchantWiring.SERVICES);
    }

    public ListOwnProductsHandler(Supplier<MerchantWiring.Services> services) {
        super(services);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        Integer stockBelow = request.intParameter("stockBelow");
        var page = services().products().list(merchantId(request), request.queryParameter("status"), request.queryParameter("q"),
                stockBelow == null ? null : stockBelow.longValue(), request.intParameter("limit"), request.queryParameter("cursor"));
        return ApiResponse.privateJson(200, MerchantViews.products(page));
    }
}

package shop.verdant.merchant;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;

import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;

/** GET /api/merchant/products/{id}: one of the caller's products with its ETag; another merchant's is 404, as a missing one. */
public final class GetOwnProductHandler extends MerchantHandler {
    public GetOwnProductHandler() {
        super(MerchantWiring.SERVICES);
    }

    public GetOwnProductHandler(Supplier<MerchantWiring.Services> services) {
        super(services);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        return listing(200, services().products().get(merchantId(request), request.pathParameter("id")));
    }
}

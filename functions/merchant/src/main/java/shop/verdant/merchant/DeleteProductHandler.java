package shop.verdant.merchant;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;

import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;

/** DELETE /api/merchant/products/{id} (If-Match): a draft never published is deleted (204); any other product is archived (200). */
public final class DeleteProductHandler extends MerchantHandler {
    public DeleteProductHandler() {
        super(MerchantWiring.SERVICES);
    }

    public DeleteProductHandler(Supplier<MerchantWiring.Services> services) {
        super(services);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        var removed = services().products().delete(merchantId(request), actor(request), request.pathParameter("id"),
                request.header("If-Match"));
        if (removed.deleted()) {
            APIGatewayProxyResponseEvent gone = ApiResponse.privateJson(204, null);
            gone.setBody(null);
            return gone;
        }
        return listing(200, removed.archived());
    }
}

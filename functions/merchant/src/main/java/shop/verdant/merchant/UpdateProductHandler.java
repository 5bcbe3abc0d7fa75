package shop.verdant.merchant;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;
import shop.verdant.domain.backoffice.ProductForm;
import shop.verdant.http.Json;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;

/** PATCH /api/merchant/products/{id} (If-Match): changes the fields sent; none sent is 428, a stale tag 412, and nothing changes. */
public final class UpdateProductHandler extends MerchantHandler {
    public UpdateProductHandler() {
        super(MerchantWiring.SERVICES);
    }

    public UpdateProductHandler(Supplier<MerchantWiring.Services> services) {
        super(services);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        ProductForm form = Json.readBody(request.body(), ProductForm.class);
        return listing(200, services().products().update(merchantId(request), actor(request), request.pathParameter("id"),
                request.header("If-Match"), form));
    }
}

package shop.verdant.merchant;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;
import shop.verdant.domain.backoffice.ProductForm;
import shop.verdant.http.Json;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;

/** POST /api/merchant/products: a new product of the caller's (a draft unless status is ACTIVE); a SKU the caller has already is 409. */
public final class CreateProductHandler extends MerchantHandler {
    public CreateProductHandler() {
        super(MerchantWiring.SERVICES);
    }

    public CreateProductHandler(Supplier<MerchantWiring.Services> services) {
        super(services);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        ProductForm form = Json.readBody(request.body(), ProductForm.class);
        var created = services().products().create(merchantId(request), actor(request), form);
        metrics().count("ProductsCreated");
        APIGatewayProxyResponseEvent response = listing(201, created);
        response.getHeaders().put("Location", "/api/merchant/products/" + created.product().productId());
        return response;
    }
}

package shop.verdant.merchant;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.List;
import java.util.function.Supplier;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.Json;

/**
 * PUT /api/merchant/products/{id}/images {images: [...]} (If-Match): the product's pictures in the order given; those
 * left out are removed (the first is what the shop shows in lists). Answers the product with its new ETag.
 */
public final class ArrangeImagesHandler extends MerchantHandler {
    public ArrangeImagesHandler() {
        super(MerchantWiring.SERVICES);
    }

    public ArrangeImagesHandler(Supplier<MerchantWiring.Services> services) {
        super(services);
    }

    public record Body(List<String> images) {
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        Body body = Json.readBody(request.body(), Body.class);
        return listing(200, services().images().arrange(merchantId(request), actor(request), request.pathParameter("id"),
                request.header("If-Match"), body == null ? null : body.images()));
    }
}

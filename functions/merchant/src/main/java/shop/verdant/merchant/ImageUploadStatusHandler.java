package shop.verdant.merchant;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;

/** GET /api/merchant/products/{id}/images/{uploadId}: PENDING, ATTACHED (with the picture's key) or REFUSED (with why). */
public final class ImageUploadStatusHandler extends MerchantHandler {
    public ImageUploadStatusHandler() {
        super(MerchantWiring.SERVICES);
    }

    public ImageUploadStatusHandler(Supplier<MerchantWiring.Services> services) {
        super(services);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        var u = services().images().status(merchantId(request), request.pathParameter("id"), request.pathParameter("uploadId"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("uploadId", u.uploadId());
        out.put("productId", u.productId());
        out.put("status", u.status().name());
        if (u.reason() != null) {
            out.put("reason", u.reason());
        }
        if (u.imageKey() != null) {
            out.put("image", u.imageKey());
        }
        out.put("createdAt", u.createdAt().toString());
        if (u.settledAt() != null) {
            out.put("settledAt", u.settledAt().toString());
        }
        return ApiResponse.privateJson(200, out);
    }
}

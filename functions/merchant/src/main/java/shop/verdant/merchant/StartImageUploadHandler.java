package shop.verdant.merchant;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Json;

/**
 * POST /api/merchant/products/{id}/images {contentType}: 201 with where and how to upload one picture (a presigned
 * POST: the URL, the form fields to send before the file, the size limit and when it expires) and the upload's id,
 * whose outcome GET .../images/{uploadId} tells.
 */
public final class StartImageUploadHandler extends MerchantHandler {
    public StartImageUploadHandler() {
        super(MerchantWiring.SERVICES);
    }

    public StartImageUploadHandler(Supplier<MerchantWiring.Services> services) {
        super(services);
    }

    /** What the request may say. */
    public record Body(String contentType) {
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        Body body = Json.readBody(request.body(), Body.class);
        String productId = request.pathParameter("id");
        var started = services().images().start(merchantId(request), productId, body == null ? null : body.contentType());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("uploadId", started.upload().uploadId());
        out.put("status", started.upload().status().name());
        out.put("url", started.signed().url());
        out.put("fields", started.signed().fields());
        out.put("maxBytes", started.maxBytes());
        out.put("expiresAt", started.signed().expires().toString());
        out.put("statusUrl", "/api/merchant/products/" + productId + "/images/" + started.upload().uploadId());
        return ApiResponse.privateJson(201, out);
    }
}

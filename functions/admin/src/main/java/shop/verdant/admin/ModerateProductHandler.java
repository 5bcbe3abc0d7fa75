package shop.verdant.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import java.util.function.Supplier;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Json;

/** POST /api/admin/products/{productId}/moderation {reason}: 200, the product archived with the reason its merchant reads. */
public final class ModerateProductHandler extends AdminHandler<shop.verdant.application.admin.Moderation> {
    public ModerateProductHandler() {
        super(AdminWiring.MODERATION);
    }

    public ModerateProductHandler(Supplier<shop.verdant.application.admin.Moderation> service) {
        super(service);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        Body body = Json.readBody(request.body(), Body.class);
        return ApiResponse.privateJson(200, service().archive(request.pathParameter("productId"), body == null ? null : body.reason()));
    }

    record Body(String reason) {
    }
}

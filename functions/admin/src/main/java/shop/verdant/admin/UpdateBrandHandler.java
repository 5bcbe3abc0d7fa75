package shop.verdant.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import java.util.function.Supplier;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Json;

/** PATCH /api/admin/brands/{brandId} {name?, retired?}: 200 with the brand; retired: no longer offered, products keep its name. */
public final class UpdateBrandHandler extends AdminHandler<shop.verdant.application.admin.BrandAdmin> {
    public UpdateBrandHandler() {
        super(AdminWiring.BRANDS);
    }

    public UpdateBrandHandler(Supplier<shop.verdant.application.admin.BrandAdmin> service) {
        super(service);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        Body body = Json.readBody(request.body(), Body.class);
        return ApiResponse.privateJson(200, service().update(request.pathParameter("brandId"), body == null ? null : body.name(),
                body == null ? null : body.retired()));
    }

    record Body(String name, Boolean retired) {
    }
}

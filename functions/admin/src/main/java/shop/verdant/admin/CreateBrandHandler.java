package shop.verdant.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import java.util.function.Supplier;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Json;

/** POST /api/admin/brands {name}: 201 with the brand. */
public final class CreateBrandHandler extends AdminHandler<shop.verdant.application.admin.BrandAdmin> {
    public CreateBrandHandler() {
        super(AdminWiring.BRANDS);
    }

    public CreateBrandHandler(Supplier<shop.verdant.application.admin.BrandAdmin> service) {
        super(service);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        Body body = Json.readBody(request.body(), Body.class);
        return ApiResponse.privateJson(201, service().create(body == null ? null : body.name()));
    }

    record Body(String name) {
    }
}

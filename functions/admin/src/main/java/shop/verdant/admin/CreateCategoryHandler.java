package shop.verdant.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import java.util.function.Supplier;
import shop.verdant.application.admin.CategoryAdmin;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Json;

/** POST /api/admin/categories {name, parentId?}: 201 with the new category (at the end of its parent's children). */
public final class CreateCategoryHandler extends AdminHandler<CategoryAdmin> {
    public CreateCategoryHandler() {
        super(AdminWiring.CATEGORIES);
    }

    public CreateCategoryHandler(Supplier<CategoryAdmin> categories) {
        super(categories);
    }

    record Body(String name, String parentId) {
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        Body body = Json.readBody(request.body(), Body.class);
        var made = service().create(body == null ? null : body.name(), body == null ? null : body.parentId());
        return ApiResponse.privateJson(201, made);
    }
}

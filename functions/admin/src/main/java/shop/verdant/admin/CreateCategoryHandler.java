package shop.verdant.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import java.util.function.Supplier;
import shop.verdant.application.admin.CategoryAdmin;
import shop.verdant.http.ApiHandler;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Json;
import shop.verdant.http.Metrics;

/** POST /api/admin/categories {name, parentId?}: 201 with the new category (at the end of its parent's children). */
public final class CreateCategoryHandler extends ApiHandler {
    private final Supplier<CategoryAdmin> categories;

    public CreateCategoryHandler() {
        this(AdminWiring.CATEGORIES);
    }

    public CreateCategoryHandler(Supplier<CategoryAdmin> categories) {
        this.categories = categories;
    }

    @Override
    protected Metrics metrics() {
        return AdminWiring.METRICS;
    }

    record Body(String name, String parentId) {
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        Body body = Json.readBody(request.body(), Body.class);
        var made = categories.get().create(body == null ? null : body.name(), body == null ? null : body.parentId());
        return ApiResponse.privateJson(201, made);
    }
}

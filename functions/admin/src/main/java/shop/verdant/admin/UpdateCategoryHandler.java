package shop.verdant.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import java.util.function.Supplier;
import shop.verdant.application.admin.CategoryAdmin;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Json;

/** PATCH /api/admin/categories/{categoryId} {name?, parentId? ("" or null: the top level), position?, withContents?}: 200 with the category; a move into its own subtree is a 422, a move of one that holds products or subcategories without withContents a 409 saying what it holds. */
public final class UpdateCategoryHandler extends AdminHandler<CategoryAdmin> {
    public UpdateCategoryHandler() {
        super(AdminWiring.CATEGORIES);
    }

    public UpdateCategoryHandler(Supplier<CategoryAdmin> categories) {
        super(categories);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        Map<String, Object> body = Json.readBody(request.body(), Map.class);
        if (body == null) {
            throw shop.verdant.domain.common.ValidationException.of("body", "A JSON object: name, parentId, position, withContents.");
        }
        for (String key : body.keySet()) {
            if (!java.util.Set.of("name", "parentId", "position", "withContents").contains(key)) {
                throw shop.verdant.domain.common.ValidationException.of(key, "Not a field of a category change.");
            }
        }
        Object name = body.get("name");
        Object parent = body.get("parentId");
        Object position = body.get("position");
        Object with = body.get("withContents");
        if ((name != null && !(name instanceof String)) || (parent != null && !(parent instanceof String))
                || (position != null && !(position instanceof Integer)) || (with != null && !(with instanceof Boolean))) {
            throw shop.verdant.domain.common.ValidationException.of(name != null && !(name instanceof String) ? "name"
                    : parent != null && !(parent instanceof String) ? "parentId" : position != null && !(position instanceof Integer)
                    ? "position" : "withContents", "The wrong type.");
        }
        var updated = service().update(request.pathParameter("categoryId"), (String) name, (String) parent,
                body.containsKey("parentId"), (Integer) position, Boolean.TRUE.equals(with));
        return ApiResponse.privateJson(200, updated);
    }
}

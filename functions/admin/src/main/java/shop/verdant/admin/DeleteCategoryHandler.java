package shop.verdant.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import java.util.function.Supplier;
import shop.verdant.application.admin.CategoryAdmin;
import shop.verdant.http.ApiHandler;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;

import shop.verdant.http.Metrics;

/** DELETE /api/admin/categories/{categoryId}?reassignTo=: 200 saying where its products and subcategories went; one that holds any without reassignTo is a 409 saying what it holds. */
public final class DeleteCategoryHandler extends ApiHandler {
    private final Supplier<CategoryAdmin> categories;

    public DeleteCategoryHandler() {
        this(AdminWiring.CATEGORIES);
    }

    public DeleteCategoryHandler(Supplier<CategoryAdmin> categories) {
        this.categories = categories;
    }

    @Override
    protected Metrics metrics() {
        return AdminWiring.METRICS;
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        return ApiResponse.privateJson(200, categories.get().delete(request.pathParameter("categoryId"), request.queryParameter("reassignTo")));
    }
}

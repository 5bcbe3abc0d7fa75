package shop.verdant.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import java.util.function.Supplier;
import shop.verdant.application.admin.CategoryAdmin;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;


/** DELETE /api/admin/categories/{categoryId}?reassignTo=: 200 saying where its products and subcategories went; one that holds any without reassignTo is a 409 saying what it holds. */
public final class DeleteCategoryHandler extends AdminHandler<CategoryAdmin> {
    public DeleteCategoryHandler() {
        super(AdminWiring.CATEGORIES);
    }

    public DeleteCategoryHandler(Supplier<CategoryAdmin> categories) {
        super(categories);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        return ApiResponse.privateJson(200, service().delete(request.pathParameter("categoryId"), request.queryParameter("reassignTo")));
    }
}

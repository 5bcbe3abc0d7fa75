package shop.verdant.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import java.util.function.Supplier;
import shop.verdant.application.admin.CategoryAdmin;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;


/** GET /api/admin/categories: every category in tree order (each after its parent) with its depth, products and subcategories. */
public final class ListCategoryTreeHandler extends AdminHandler<CategoryAdmin> {
    public ListCategoryTreeHandler() {
        super(AdminWiring.CATEGORIES);
    }

    public ListCategoryTreeHandler(Supplier<CategoryAdmin> categories) {
        super(categories);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        return ApiResponse.privateJson(200, Map.of("items", service().list()));
    }
}

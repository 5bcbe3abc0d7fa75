package shop.verdant.catalog;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import shop.verdant.application.catalog.BrowseCategories;
import shop.verdant.http.ApiHandler;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;

/** GET /api/categories: the category tree. */
public final class ListCategoriesHandler extends ApiHandler {
    private final BrowseCategories browse;

    public ListCategoriesHandler() {
        this(CatalogWiring.BROWSE);
    }

    public ListCategoriesHandler(BrowseCategories browse) {
        this.browse = browse;
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        return ApiResponse.publicJson(Map.of("categories", browse.tree()), 300);
    }
}

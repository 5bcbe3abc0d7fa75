package shop.verdant.catalog;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import shop.verdant.application.catalog.BrowseCategories;
import shop.verdant.http.ApiHandler;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;

/** GET /api/brands: every brand, by name. */
public final class ListBrandsHandler extends ApiHandler {
    private final BrowseCategories browse;

    public ListBrandsHandler() {
        this(CatalogWiring.BROWSE);
    }

    public ListBrandsHandler(BrowseCategories browse) {
        this.browse = browse;
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        return ApiResponse.publicJson(Map.of("brands", browse.offeredBrands()), 300);
    }
}

package shop.verdant.catalog;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import shop.verdant.application.catalog.ViewProduct;
import shop.verdant.domain.common.NotFoundException;
import shop.verdant.http.ApiHandler;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;

/** GET /api/products/{id}: the product page with breadcrumb and related products. */
public final class GetProductHandler extends ApiHandler {
    private final ViewProduct view;
    private final String imageBase;

    public GetProductHandler() {
        this(CatalogWiring.VIEW, CatalogWiring.IMAGE_BASE_URL);
    }

    public GetProductHandler(ViewProduct view, String imageBase) {
        this.view = view;
        this.imageBase = imageBase;
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        String id = request.pathParameter("id");
        if (id == null || id.isBlank() || id.length() > 64) {
            throw new NotFoundException("No product has the id '" + (id == null ? "" : id) + "'.");
        }
        return ApiResponse.publicJson(CatalogViews.detail(view.view(id), imageBase), 60);
    }
}

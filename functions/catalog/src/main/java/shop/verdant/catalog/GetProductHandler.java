package shop.verdant.catalog;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import shop.verdant.application.catalog.ViewProduct;
import shop.verdant.application.tracking.Tracker;
import shop.verdant.domain.tracking.BehaviourEvent;
import shop.verdant.domain.tracking.EventType;
import shop.verdant.domain.common.NotFoundException;
import shop.verdant.http.ApiHandler;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;

/** GET /api/products/{id}: the product page with breadcrumb and related products. */
public final class GetProductHandler extends ApiHandler {
    private final ViewProduct view;
    private final String imageBase;
    private final Tracker tracker;

    public GetProductHandler() {
        this(CatalogWiring.VIEW, CatalogWiring.IMAGE_BASE_URL, CatalogWiring.TRACKER);
    }

    public GetProductHandler(ViewProduct view, String imageBase) {
        this(view, imageBase, Tracker.NONE);
    }

    public GetProductHandler(ViewProduct view, String imageBase, Tracker tracker) {
        this.view = view;
        this.imageBase = imageBase;
        this.tracker = tracker;
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        String id = request.pathParameter("id");
        if (id == null || id.isBlank() || id.length() > 64) {
            throw new NotFoundException("No product has the id '" + (id == null ? "" : id) + "'.");
        }
        ViewProduct.ProductPage detail = view.view(id);
        tracker.track(request.visit(), new BehaviourEvent.ProductEvent(EventType.PRODUCT_VIEW, id,
                detail.product().name(), detail.product().categoryId(), 0));
        return ApiResponse.publicJson(CatalogViews.detail(detail, imageBase), 60);
    }
}

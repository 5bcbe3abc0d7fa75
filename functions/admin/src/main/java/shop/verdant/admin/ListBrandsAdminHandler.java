package shop.verdant.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import java.util.function.Supplier;
import shop.verdant.http.ApiHandler;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;

import shop.verdant.http.Metrics;

/** GET /api/admin/brands: every brand by name, retired ones too. */
public final class ListBrandsAdminHandler extends ApiHandler {
    private final Supplier<shop.verdant.application.admin.BrandAdmin> service;

    public ListBrandsAdminHandler() {
        this(AdminWiring.BRANDS);
    }

    public ListBrandsAdminHandler(Supplier<shop.verdant.application.admin.BrandAdmin> service) {
        this.service = service;
    }

    @Override
    protected Metrics metrics() {
        return AdminWiring.METRICS;
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        return ApiResponse.privateJson(200, Map.of("items", service.get().list()));
    }
}

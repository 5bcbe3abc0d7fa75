package shop.verdant.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import java.util.function.Supplier;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;


/** GET /api/admin/brands: every brand by name, retired ones too. */
public final class ListBrandsAdminHandler extends AdminHandler<shop.verdant.application.admin.BrandAdmin> {
    public ListBrandsAdminHandler() {
        super(AdminWiring.BRANDS);
    }

    public ListBrandsAdminHandler(Supplier<shop.verdant.application.admin.BrandAdmin> service) {
        super(service);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        return ApiResponse.privateJson(200, Map.of("items", service().list()));
    }
}

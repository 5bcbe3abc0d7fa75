package shop.verdant.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;
import shop.verdant.application.admin.Merchants;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Json;

/**
 * POST /api/admin/merchants {email, displayName}: 201 with the merchant (200 when it was made before: the same user and
 * name arrive at the same merchant); the user's next sign-in carries the merchants group and their merchant id.
 */
public final class CreateMerchantHandler extends AdminHandler<Merchants> {
    public CreateMerchantHandler() {
        super(AdminWiring.SERVICES);
    }

    public CreateMerchantHandler(Supplier<Merchants> merchants) {
        super(merchants);
    }

    record Body(String email, String displayName) {
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        Body body = Json.readBody(request.body(), Body.class);
        var created = service().create(body == null ? null : body.email(), body == null ? null : body.displayName(),
                "admin:" + request.requirePrincipal().sub());
        return ApiResponse.privateJson(created.created() ? 201 : 200, created.merchant());
    }
}

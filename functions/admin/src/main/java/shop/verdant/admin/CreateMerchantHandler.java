package shop.verdant.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
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
        Map<String, Object> out = Json.MAPPER.convertValue(created.merchant(), new com.fasterxml.jackson.core.type.TypeReference<>() {
        });
        // a new member of staff: Cognito has emailed their invitation (a temporary password for the staff sign-in)
        out.put("invited", created.invited());
        return ApiResponse.privateJson(created.created() ? 201 : 200, out);
    }
}

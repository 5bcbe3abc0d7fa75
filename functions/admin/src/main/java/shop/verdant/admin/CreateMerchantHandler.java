package shop.verdant.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;
import shop.verdant.application.admin.Merchants;
import shop.verdant.http.ApiHandler;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Json;
import shop.verdant.http.Metrics;

/**
 * POST /api/admin/merchants {email, displayName}: 201 with the merchant (200 when it was made before: the same user and
 * name arrive at the same merchant); the user's next sign-in carries the merchants group and their merchant id.
 */
public final class CreateMerchantHandler extends ApiHandler {
    private final Supplier<Merchants> merchants;

    public CreateMerchantHandler() {
        this(AdminWiring.SERVICES);
    }

    public CreateMerchantHandler(Supplier<Merchants> merchants) {
        this.merchants = merchants;
    }

    @Override
    protected Metrics metrics() {
        return AdminWiring.METRICS;
    }

    record Body(String email, String displayName) {
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        Body body = Json.readBody(request.body(), Body.class);
        var created = merchants.get().create(body == null ? null : body.email(), body == null ? null : body.displayName(),
                "admin:" + request.requirePrincipal().sub());
        return ApiResponse.privateJson(created.created() ? 201 : 200, created.merchant());
    }
}

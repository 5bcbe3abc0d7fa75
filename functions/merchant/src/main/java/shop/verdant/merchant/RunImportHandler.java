package shop.verdant.merchant;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;

import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;

/** POST /api/merchant/imports/{id}/run: runs a validated import asynchronously (202); once it has started, 409. */
public final class RunImportHandler extends MerchantHandler {
    public RunImportHandler() {
        super(MerchantWiring.SERVICES);
    }

    public RunImportHandler(Supplier<MerchantWiring.Services> services) {
        super(services);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        String merchant = merchantId(request);
        var job = services().imports().run(merchant, request.pathParameter("id"));
        return ApiResponse.privateJson(202, MerchantViews.importJob(job, false, java.util.List.of()));
    }
}

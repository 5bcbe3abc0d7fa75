package shop.verdant.merchant;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;

import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;

/** GET /api/merchant/imports/{id}: the job: status, rows done of total, created, updated, unchanged, failed; the first errors; stalled when it has not moved for 5 minutes. */
public final class GetImportHandler extends MerchantHandler {
    public GetImportHandler() {
        super(MerchantWiring.SERVICES);
    }

    public GetImportHandler(Supplier<MerchantWiring.Services> services) {
        super(services);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        String merchant = merchantId(request);
        var job = services().imports().get(merchant, request.pathParameter("id"));
        return ApiResponse.privateJson(200, MerchantViews.importJob(job, services().imports().stalled(job),
                services().imports().errors(merchant, job.importId())));
    }
}

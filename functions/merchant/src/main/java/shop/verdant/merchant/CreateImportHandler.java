package shop.verdant.merchant;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;

import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;

/** POST /api/merchant/imports?run= (the CSV as the body, text/csv): validates every row and answers the job with its report (201); nothing is written to the catalog unless run=true, which queues it at once. */
public final class CreateImportHandler extends MerchantHandler {
    public CreateImportHandler() {
        super(MerchantWiring.SERVICES);
    }

    public CreateImportHandler(Supplier<MerchantWiring.Services> services) {
        super(services);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        String merchant = merchantId(request);
        String body = request.isBase64Encoded()
                ? new String(java.util.Base64.getDecoder().decode(request.body()), java.nio.charset.StandardCharsets.UTF_8) : request.body();
        var job = services().imports().start(merchant, actor(request), CsvFiles.parse(body), "true".equals(request.queryParameter("run")));
        metrics().count("ImportsUploaded");
        APIGatewayProxyResponseEvent response = ApiResponse.privateJson(201, MerchantViews.importJob(job, false,
                services().imports().errors(merchant, job.importId())));
        response.getHeaders().put("Location", "/api/merchant/imports/" + job.importId());
        return response;
    }
}

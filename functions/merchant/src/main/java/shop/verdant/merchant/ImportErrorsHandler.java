package shop.verdant.merchant;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;

import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;

/** GET /api/merchant/imports/{id}/errors: the report as a CSV to download (row, column, message). */
public final class ImportErrorsHandler extends MerchantHandler {
    public ImportErrorsHandler() {
        super(MerchantWiring.SERVICES);
    }

    public ImportErrorsHandler(Supplier<MerchantWiring.Services> services) {
        super(services);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        String merchant = merchantId(request);
        String id = request.pathParameter("id");
        return ApiResponse.download("text/csv; charset=utf-8", CsvFiles.report(services().imports().errors(merchant, id)),
                "import-" + id + "-errors.csv");
    }
}

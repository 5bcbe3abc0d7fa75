package shop.verdant.merchant;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;
import shop.verdant.domain.backoffice.ImportTemplate;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;

/** GET /api/merchant/import-template: the CSV template (its columns and an example row). */
public final class ImportTemplateHandler extends MerchantHandler {
    public ImportTemplateHandler() {
        super(MerchantWiring.SERVICES);
    }

    public ImportTemplateHandler(Supplier<MerchantWiring.Services> services) {
        super(services);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        merchantId(request);
        return ApiResponse.download("text/csv; charset=utf-8", ImportTemplate.template(), "verdant-import-template.csv");
    }
}

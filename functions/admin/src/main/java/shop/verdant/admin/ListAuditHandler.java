package shop.verdant.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import shop.verdant.application.audit.AuditTrail;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;

/**
 * GET /api/admin/audit?entity=&id=&actor=&from=&to=&limit=&cursor=: audit entries newest first, each with who acted
 * (role, id, request id, truncated address) and the fields before and after; {@code next} continues the list.
 */
public final class ListAuditHandler extends AdminHandler<AuditTrail> {
    public ListAuditHandler() {
        super(AdminWiring.AUDIT);
    }

    public ListAuditHandler(Supplier<AuditTrail> audit) {
        super(audit);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        Integer n = request.intParameter("limit");
        var page = service().find(request.queryParameter("entity"), request.queryParameter("id"),
                request.queryParameter("actor"), request.queryParameter("from"), request.queryParameter("to"),
                request.queryParameter("cursor"), n);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.entries());
        if (page.next() != null) {
            body.put("next", page.next());
        }
        return ApiResponse.privateJson(200, body);
    }
}

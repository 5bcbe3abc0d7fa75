package shop.verdant.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import java.util.function.Supplier;
import shop.verdant.application.admin.StaffInvitations;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;

/** GET /api/admin/staff: {items: [{username, email, name, status, roles}]}, by email: who holds which staff role. */
public final class ListStaffHandler extends AdminHandler<StaffInvitations> {
    public ListStaffHandler() {
        super(AdminWiring.STAFF);
    }

    public ListStaffHandler(Supplier<StaffInvitations> staff) {
        super(staff);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        return ApiResponse.privateJson(200, Map.of("items", service().list()));
    }
}

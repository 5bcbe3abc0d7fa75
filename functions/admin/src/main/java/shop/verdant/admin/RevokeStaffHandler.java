package shop.verdant.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import java.util.function.Supplier;
import shop.verdant.application.admin.StaffInvitations;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;

/**
 * DELETE /api/admin/staff/{username}/roles/{role}: 200 {username, role, removed}; 404 when they do not hold it; 409 for an
 * admin's own admin role. Their session loses the role at its next refresh (within the hour an id token lasts).
 */
public final class RevokeStaffHandler extends AdminHandler<StaffInvitations> {
    public RevokeStaffHandler() {
        super(AdminWiring.STAFF);
    }

    public RevokeStaffHandler(Supplier<StaffInvitations> staff) {
        super(staff);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        String username = request.pathParameter("username");
        String role = request.pathParameter("role");
        service().revoke(username, role, request.requirePrincipal().sub());
        return ApiResponse.privateJson(200, Map.of("username", username, "role", role, "removed", true));
    }
}

package shop.verdant.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Supplier;
import shop.verdant.application.admin.StaffInvitations;
import shop.verdant.http.ApiRequest;
import shop.verdant.http.ApiResponse;
import shop.verdant.http.Json;

/**
 * POST /api/admin/staff {email, name, role}: {@code role} admin, agent or marketing. 201 when someone new was invited to
 * the staff pool (Cognito emails them a temporary password), 200 when an existing member of staff got the role's group;
 * the group shows in their next sign-in.
 */
public final class InviteStaffHandler extends AdminHandler<StaffInvitations> {
    public InviteStaffHandler() {
        super(AdminWiring.STAFF);
    }

    public InviteStaffHandler(Supplier<StaffInvitations> staff) {
        super(staff);
    }

    record Body(String email, String name, String role) {
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
        Body body = Json.readBody(request.body(), Body.class);
        var granted = service().grant(body == null ? null : body.email(), body == null ? null : body.name(),
                body == null ? null : body.role());
        return ApiResponse.privateJson(granted.invited() ? 201 : 200, granted);
    }
}

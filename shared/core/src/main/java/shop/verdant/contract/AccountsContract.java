package shop.verdant.contract;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The accounts context: what happens to a user as Cognito signs them up, and how staff sign in to Dashboards. */
public final class AccountsContract {
    private AccountsContract() {
    }

    /**
     * The user attributes the storefront's app client may write (its own email and name). A merchant id is set
     * by an admin through the admin API only; the local Cognito proxy enforces the same list.
     */
    public static final List<String> STOREFRONT_WRITABLE_ATTRIBUTES = List.of("email", "name");

    /** What the staff pool's app client may write: the display name. Email, groups and merchant id are the admins'. */
    public static final List<String> STAFF_WRITABLE_ATTRIBUTES = List.of("name");

    public static final FunctionGroup GROUP = new FunctionGroup("accounts", "functions/accounts",
            "Cognito triggers", Set.of(Need.USER_POOL_ADMIN));

    public static final List<Trigger> TRIGGERS = List.of(
            new CognitoTrigger(GROUP.handler("AddToCustomersHandler", Map.of(),
                    "Puts a user who confirmed their sign-up into the customers group"),
                    CognitoTrigger.Event.POST_CONFIRMATION),
            new DeployHook(GROUP.handler("ConnectDashboardsSignInHandler", Map.of(),
                    "Gives OpenSearch Dashboards' sign-in the role of the user's group (the identity pool's role from token)",
                    Set.of(Need.DASHBOARDS_SIGN_IN))));
}

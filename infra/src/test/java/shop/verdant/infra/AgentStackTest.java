package shop.verdant.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.verdant.contract.Contract;
import shop.verdant.contract.Need;
import shop.verdant.contract.Trigger;

/**
 * The user pool's admin actions: the call centre's directory actions for its functions, making merchants for the
 * admins', and none for any other function.
 */
class AgentStackTest {

    private static List<String> cognitoStatementsOf(String functionName) {
        return Synth.statementsOf(functionName, "cognito-idp:");
    }

    @Test
    void onlyTheCallCentreFindsAndSignsUpCustomers_onTheShopsPool() {
        for (Trigger t : Contract.TRIGGERS) {
            String name = t.handler().functionName();
            List<String> cognito = cognitoStatementsOf(name);
            if (t.handler().needs().contains(Need.CUSTOMER_DIRECTORY)) {
                assertThat(cognito).as(name).hasSize(1);
                assertThat(cognito.get(0)).contains("cognito-idp:ListUsers", "cognito-idp:AdminCreateUser",
                        "cognito-idp:AdminSetUserPassword", "cognito-idp:AdminAddUserToGroup", "Verdant-Auth", "FnGetAttUsers")
                        .doesNotContain("AdminDelete", "cognito-idp:*", "Resource::*", "FnGetAttStaff");
            } else if (t.handler().needs().contains(Need.MERCHANT_ONBOARDING)) {
                assertThat(cognito).as(name).hasSize(1);
                // merchants are invited to the staff pool, never made in the customers'
                assertThat(cognito.get(0)).contains("cognito-idp:ListUsers", "cognito-idp:AdminCreateUser",
                        "cognito-idp:AdminUpdateUserAttributes", "cognito-idp:AdminAddUserToGroup", "Verdant-Auth", "FnGetAttStaff")
                        .doesNotContain("AdminSetUserPassword", "AdminDelete", "cognito-idp:*", "FnGetAttUsers");
            } else if (t.handler().needs().contains(Need.STAFF_ONBOARDING)) {
                // other staff are invited and join their group: no attribute of theirs is written
                assertThat(cognito).as(name).hasSize(1);
                assertThat(cognito.get(0)).contains("cognito-idp:ListUsers", "cognito-idp:AdminCreateUser",
                        "cognito-idp:AdminAddUserToGroup", "FnGetAttStaff")
                        .doesNotContain("AdminUpdateUserAttributes", "AdminSetUserPassword", "AdminDelete", "cognito-idp:*", "FnGetAttUsers");
            } else if (t.handler().needs().contains(Need.STAFF_DIRECTORY)) {
                // one action alone is written without brackets
                assertThat(cognito).as(name).hasSize(1);
                assertThat(cognito.get(0)).startsWith("cognito-idp:ListUsersInGroup on ").contains("FnGetAttStaff");
            } else if (t.handler().needs().contains(Need.STAFF_OFFBOARDING)) {
                assertThat(cognito).as(name).hasSize(1);
                assertThat(cognito.get(0)).startsWith("[cognito-idp:ListUsersInGroup, cognito-idp:AdminRemoveUserFromGroup] on ")
                        .contains("FnGetAttStaff");
            } else if (!t.handler().needs().contains(Need.DASHBOARDS_SIGN_IN) && !t.handler().needs().contains(Need.USER_POOL_ADMIN)) {
                assertThat(cognito).as(name + " reads no user pool").isEmpty();
            }
        }
        String place = Synth.props(ApiStackTest.functionFor("shop.verdant.agent.PlacePhoneOrderHandler")).toString();
        assertThat(place).contains("USER_POOL_ID", "ORDERS_TABLE", "PAYMENTS_TABLE").doesNotContain("CARTS_TABLE", "STRIPE");
    }
}

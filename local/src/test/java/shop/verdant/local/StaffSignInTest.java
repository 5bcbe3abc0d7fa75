package shop.verdant.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Staff sign in to the staff pool with a password and a second factor (TOTP), and only its tokens carry staff groups.
 * What the local engines show of it: cognito-local keeps the staff's software tokens and checks their codes; the
 * gateway's Cognito proxy requires them, refuses sign-up to the staff pool and only answers challenges it handed out.
 */
class StaffSignInTest {

    private static final CognitoSetup.DemoUser ADMIN = CognitoSetup.DEMO_USERS.stream()
            .filter(u -> u.role().equals("admin")).findFirst().orElseThrow();

    private static Map<String, Object> passwordSignIn(String client, String email, String password) {
        return Map.of("ClientId", client, "AuthFlow", "USER_PASSWORD_AUTH", "AuthParameters", Map.of("USERNAME", email, "PASSWORD", password));
    }

    @Test
    void aPasswordAloneGivesNoStaffTokens_onlyItsChallenge_andOnlyTheRightCodeInTheHandedOutSessionAnswersIt() {
        String client = TestShop.get().staffPool().clientId();
        JsonNode challenge = Api.cognito("InitiateAuth", passwordSignIn(client, ADMIN.email(), ADMIN.password())).json();
        assertThat(challenge.get("ChallengeName").asText()).isEqualTo("SOFTWARE_TOKEN_MFA");
        assertThat(challenge.has("AuthenticationResult")).isFalse();
        String code = TestShop.get().inbox(ADMIN.email()).authenticatorCode();
        assertThat(code).matches("\\d{6}");
        String wrongCode = String.format("%06d", (Integer.parseInt(code) + 500_000) % 1_000_000);
        Map<String, Object> answer = Map.of("ClientId", client, "ChallengeName", "SOFTWARE_TOKEN_MFA",
                "Session", challenge.get("Session").asText(), "ChallengeResponses", Map.of("USERNAME", ADMIN.email(),
                        "SOFTWARE_TOKEN_MFA_CODE", wrongCode));
        assertThat(Api.cognito("RespondToAuthChallenge", answer).body()).contains("CodeMismatchException");

        // the right code, but in a session nobody was given (no password was checked for it)
        JsonNode fresh = Api.cognito("InitiateAuth", passwordSignIn(client, ADMIN.email(), ADMIN.password())).json();
        Api.Response forged = Api.cognito("RespondToAuthChallenge", Map.of("ClientId", client, "ChallengeName", "SOFTWARE_TOKEN_MFA",
                "Session", UUID.randomUUID().toString(), "ChallengeResponses", Map.of("USERNAME", ADMIN.email(),
                        "SOFTWARE_TOKEN_MFA_CODE", code)));
        assertThat(forged.body()).contains("NotAuthorizedException");
        JsonNode tokens = Api.cognito("RespondToAuthChallenge", Map.of("ClientId", client, "ChallengeName", "SOFTWARE_TOKEN_MFA",
                "Session", fresh.get("Session").asText(), "ChallengeResponses", Map.of("USERNAME", ADMIN.email(),
                        "SOFTWARE_TOKEN_MFA_CODE", TestShop.get().inbox(ADMIN.email()).authenticatorCode()))).json();
        String idToken = tokens.at("/AuthenticationResult/IdToken").asText();
        assertThat(Api.call("GET", "/api/admin/merchants", idToken, null).status()).isEqualTo(200);
        Api.Response wrongPassword = Api.cognito("InitiateAuth", passwordSignIn(client, ADMIN.email(), "Not-The-Password-1"));
        assertThat(wrongPassword.status()).isEqualTo(400);
        assertThat(wrongPassword.body()).doesNotContain("AuthenticationResult", "Session");
    }

    @Test
    void nobodySignsUpToTheStaffPool() {
        String client = TestShop.get().staffPool().clientId();
        String email = "would-be-admin-" + UUID.randomUUID() + "@example.com";
        Api.Response r = Api.cognito("SignUp", Map.of("ClientId", client, "Username", email, "Password", "Would-Be-Admin-1",
                "UserAttributes", java.util.List.of(Map.of("Name", "email", "Value", email))));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("NotAuthorizedException", "SignUp is not permitted");
        assertThat(TestShop.get().inbox(email).codes()).as("no account, so no code").isEmpty();
    }

    @Test
    void staffGroupsInAToken_ofTheCustomersPool_areRefused_withTheReason() {
        // an account of the customers' pool put in an admins group there with the engine's own admin API (a mistake in
        // the console, say): its token says admins, and counts for nothing
        String probe = "customer-in-admins-" + UUID.randomUUID() + "@example.com";
        try (CognitoSetup setup = new CognitoSetup(TestShop.get().cognitoEndpoint())) {
            var customers = TestShop.get().userPool();
            Api.customerPoolGroup(setup, "admins");
            setup.ensureUser(customers.userPoolId(), customers.clientId(), probe, "Customer-In-Admins-1", "admins", null);
        }
        assertThat(Api.groupsInToken(probe, "Customer-In-Admins-1")).containsExactly("admins");
        Api.Response refused = Api.call("GET", "/api/admin/merchants", Api.freshToken(probe, "Customer-In-Admins-1"), null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asText()).contains("staff sign-in", "second factor");
        assertThat(Api.call("GET", "/api/admin/merchants", Api.demo("admin"), null).status()).as("the staff pool's admin").isEqualTo(200);
    }

    @Test
    void anAdminInvitesAnAgent_whoSetsUpTheirAuthenticator_andTakesPhoneOrders_whileOthersCannotGrantRoles() {
        String admin = Api.demo("admin");
        String email = "new-agent-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Api.Response invited = Api.call("POST", "/api/admin/staff", admin,
                "{\"email\":\"" + email + "\",\"name\":\" Ada  Lovelace \",\"role\":\"Agent\"}");
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        assertThat(invited.json().get("group").asText()).isEqualTo("agents");
        assertThat(invited.json().get("invited").asBoolean()).isTrue();
        String agent = Api.firstStaffSignIn(email, "Ada-Takes-Calls-2026!");
        assertThat(Api.call("GET", "/api/agent/customers?email=customer%40verdant.local", agent, null).status()).isEqualTo(200);
        assertThat(Api.call("GET", "/api/admin/merchants", agent, null).status()).as("an agent, not an admin").isEqualTo(403);

        // a second role for the same member: no second invitation
        Api.Response again = Api.call("POST", "/api/admin/staff", admin,
                "{\"email\":\"" + email + "\",\"name\":\"Ada Lovelace\",\"role\":\"marketing\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("invited").asBoolean()).isFalse();

        for (String role : List.of("merchant", "customer", "root", "")) {
            Api.Response refused = Api.call("POST", "/api/admin/staff", admin,
                    "{\"email\":\"x-" + email + "\",\"name\":\"Nobody Here\",\"role\":\"" + role + "\"}");
            assertThat(refused.status()).as(role).isEqualTo(400);
            assertThat(refused.body()).contains("role");
        }
        assertThat(TestShop.get().inbox("x-" + email).temporaryPassword()).as("nobody was invited by a refused call").isNull();
        assertThat(Api.call("POST", "/api/admin/staff", admin, "{\"email\":\"x-" + email + "\",\"name\":\"N\",\"role\":\"agent\"}")
                .status()).as("a name too short").isEqualTo(400);
        assertThat(Api.call("POST", "/api/admin/staff", agent, "{\"email\":\"x-" + email + "\",\"name\":\"Self Made\",\"role\":\"admin\"}")
                .status()).as("an agent cannot make admins").isEqualTo(403);
        assertThat(TestShop.get().inbox("x-" + email).temporaryPassword()).isNull();

        // the staff list has them once, with both roles; taking one leaves the other, and their next sign-in has it only
        JsonNode listed = member(admin, email);
        assertThat(listed.get("roles")).extracting(JsonNode::asText).containsExactly("agent", "marketing");
        assertThat(listed.get("name").asText()).isEqualTo("Ada Lovelace");
        String username = listed.get("username").asText();
        assertThat(Api.call("DELETE", "/api/admin/staff/" + username + "/roles/agent", agent, null).status())
                .as("an agent cannot take roles").isEqualTo(403);
        Api.Response revoked = Api.call("DELETE", "/api/admin/staff/" + username + "/roles/agent", admin, null);
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(member(admin, email).get("roles")).extracting(JsonNode::asText).containsExactly("marketing");
        assertThat(Api.call("DELETE", "/api/admin/staff/" + username + "/roles/agent", admin, null).status())
                .as("a role they no longer hold").isEqualTo(404);
        String next = Api.freshStaffToken(email, "Ada-Takes-Calls-2026!");
        assertThat(Api.call("GET", "/api/agent/customers?email=customer%40verdant.local", next, null).status()).isEqualTo(403);

        // and no admin can take their own admin role
        String self = member(admin, ADMIN.email()).get("username").asText();
        Api.Response own = Api.call("DELETE", "/api/admin/staff/" + self + "/roles/admin", admin, null);
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.json().get("type").asText()).endsWith("own-admin-role");
        assertThat(Api.call("GET", "/api/admin/merchants", Api.freshStaffToken(ADMIN.email(), ADMIN.password()), null).status()).isEqualTo(200);
    }

    private static JsonNode member(String admin, String email) {
        for (JsonNode m : Api.call("GET", "/api/admin/staff", admin, null).json().get("items")) {
            if (m.get("email").asText().equals(email)) {
                return m;
            }
        }
        throw new AssertionError(email + " is not on the staff list");
    }
}

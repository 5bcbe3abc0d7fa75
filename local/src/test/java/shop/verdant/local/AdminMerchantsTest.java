package shop.verdant.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Admins make merchants through the local gateway with cognito-local: someone new is invited to the staff pool (a
 * temporary password by email), chooses a password and sets up an authenticator at their first sign-in, and their token
 * opens their own, empty back office. The Merchants record, the merchant id and group on the staff account, the same
 * call again changing nothing, and what cannot be done refused with its reason.
 */
class AdminMerchantsTest {

    private static String staffClient() {
        return TestShop.get().staffPool().clientId();
    }

    @Test
    void anAdminInvitesAMerchant_whoChoosesAPasswordAndSetsUpTheirAuthenticator_andOpensTheirOwnBackOffice() {
        String admin = Api.demo("admin");
        String email = "new-merchant-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Api.Response made = Api.call("POST", "/api/admin/merchants", admin, "{\"email\":\"" + email.toUpperCase() + "\","
                + "\"displayName\":\" Fern  & Co. \"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String merchantId = made.json().get("merchantId").asText();
        assertThat(merchantId).startsWith("merchant-fern-co-");
        assertThat(made.json().get("displayName").asText()).isEqualTo("Fern & Co.");
        assertThat(made.json().get("email").asText()).isEqualTo(email);
        assertThat(made.json().get("invited").asBoolean()).as("a new member of staff").isTrue();

        Api.Response again = Api.call("POST", "/api/admin/merchants", admin, "{\"email\":\"" + email + "\",\"displayName\":\"Fern & Co.\"}");
        assertThat(again.status()).as("the same merchant again: nothing new").isEqualTo(200);
        assertThat(again.json().get("merchantId").asText()).isEqualTo(merchantId);
        assertThat(again.json().get("invited").asBoolean()).as("invited once").isFalse();
        Api.Response other = Api.call("POST", "/api/admin/merchants", admin, "{\"email\":\"" + email + "\",\"displayName\":\"Other Shop\"}");
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().get("type").asText()).endsWith("already-merchant");
        JsonNode listed = Api.call("GET", "/api/admin/merchants", admin, null).json().get("items");
        assertThat(listed).anySatisfy(m -> assertThat(m.get("merchantId").asText()).isEqualTo(merchantId));

        // the invitation: a temporary password, good for one thing only
        String temporary = Api.call("GET", "/local/mailbox?email=" + email, null, null).json().get("temporaryPassword").asText();
        assertThat(temporary).isNotBlank();
        Api.Response wrong = Api.cognito("InitiateAuth", Map.of("ClientId", staffClient(), "AuthFlow", "USER_PASSWORD_AUTH",
                "AuthParameters", Map.of("USERNAME", email, "PASSWORD", temporary + "x")));
        assertThat(wrong.body()).as("a wrong temporary password").contains("NotAuthorizedException");
        JsonNode first = Api.cognito("InitiateAuth", Map.of("ClientId", staffClient(), "AuthFlow", "USER_PASSWORD_AUTH",
                "AuthParameters", Map.of("USERNAME", email, "PASSWORD", temporary))).json();
        assertThat(first.get("ChallengeName").asText()).isEqualTo("NEW_PASSWORD_REQUIRED");
        assertThat(first.has("AuthenticationResult")).isFalse();
        String password = "Fern-Goods-2026!";
        Api.Response forged = Api.cognito("RespondToAuthChallenge", Map.of("ClientId", staffClient(),
                "ChallengeName", "NEW_PASSWORD_REQUIRED", "Session", UUID.randomUUID().toString(),
                "ChallengeResponses", Map.of("USERNAME", email, "NEW_PASSWORD", password)));
        assertThat(forged.body()).as("a session the pool did not hand out").contains("NotAuthorizedException");

        // a new password, and then no tokens yet: the second factor is set up first
        JsonNode setup = Api.cognito("RespondToAuthChallenge", Map.of("ClientId", staffClient(), "ChallengeName", "NEW_PASSWORD_REQUIRED",
                "Session", first.get("Session").asText(), "ChallengeResponses", Map.of("USERNAME", email, "NEW_PASSWORD", password))).json();
        assertThat(setup.get("ChallengeName").asText()).isEqualTo("MFA_SETUP");
        assertThat(setup.has("AuthenticationResult")).isFalse();
        String session = setup.get("Session").asText();
        Map<String, Object> finish = Map.of("ClientId", staffClient(), "ChallengeName", "MFA_SETUP", "Session", session,
                "ChallengeResponses", Map.of("USERNAME", email));
        assertThat(Api.cognito("RespondToAuthChallenge", finish).body()).as("not before a code is verified")
                .contains("NotAuthorizedException");
        String secret = Api.cognito("AssociateSoftwareToken", Map.of("Session", session)).json().get("SecretCode").asText();
        assertThat(secret).matches("[A-Z2-7]{16,}");
        String code = Authenticator.code(secret);
        String otherCode = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
        assertThat(Api.cognito("VerifySoftwareToken", Map.of("Session", session, "UserCode", otherCode)).body())
                .contains("CodeMismatchException");
        assertThat(Api.cognito("VerifySoftwareToken", Map.of("Session", session, "UserCode", code, "FriendlyDeviceName", "phone"))
                .json().get("Status").asText()).isEqualTo("SUCCESS");
        String idToken = Api.cognito("RespondToAuthChallenge", finish).json().at("/AuthenticationResult/IdToken").asText();
        assertThat(idToken).isNotBlank();
        assertThat(Api.cognito("RespondToAuthChallenge", finish).body()).as("a session is answered once").contains("NotAuthorizedException");

        Api.Response own = Api.call("GET", "/api/merchant/products", idToken, null);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().get("items")).as("their own shop, empty").isEmpty();
        assertThat(Api.call("GET", "/api/merchant/dashboard", idToken, null).status()).isEqualTo(200);

        // every sign-in from now on asks for the authenticator's code
        JsonNode next = Api.cognito("InitiateAuth", Map.of("ClientId", staffClient(), "AuthFlow", "USER_PASSWORD_AUTH",
                "AuthParameters", Map.of("USERNAME", email, "PASSWORD", password))).json();
        assertThat(next.get("ChallengeName").asText()).isEqualTo("SOFTWARE_TOKEN_MFA");
        assertThat(next.has("AuthenticationResult")).isFalse();
        JsonNode signedIn = Api.cognito("RespondToAuthChallenge", Map.of("ClientId", staffClient(), "ChallengeName", "SOFTWARE_TOKEN_MFA",
                "Session", next.get("Session").asText(), "ChallengeResponses", Map.of("USERNAME", email,
                        "SOFTWARE_TOKEN_MFA_CODE", Authenticator.code(secret)))).json();
        assertThat(Api.call("GET", "/api/merchant/products", signedIn.at("/AuthenticationResult/IdToken").asText(), null).status())
                .isEqualTo(200);
    }

    @Test
    void whatCannotBeDoneIsRefusedWithItsReason() {
        String admin = Api.demo("admin");
        Api.Response bad = Api.call("POST", "/api/admin/merchants", admin, "{\"email\":\"not-an-email\",\"displayName\":\"G\"}");
        assertThat(bad.status()).isEqualTo(400);
        Api.Response demo = Api.call("POST", "/api/admin/merchants", admin,
                "{\"email\":\"merchant@verdant.local\",\"displayName\":\"Another Shop\"}");
        assertThat(demo.status()).as("the demo merchant runs a shop already").isEqualTo(409);
        assertThat(Api.call("POST", "/api/admin/merchants", Api.demo("merchant"),
                "{\"email\":\"merchant@verdant.local\",\"displayName\":\"Mine\"}").status()).as("merchants cannot make merchants")
                .isEqualTo(403);
    }
}

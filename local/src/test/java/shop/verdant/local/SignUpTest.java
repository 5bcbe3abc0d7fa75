package shop.verdant.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.verdant.http.Json;

/** Sign-up as the storefront does it: through /cognito/, the code from the mailbox, the trigger's group. */
class SignUpTest {

    static JsonNode cognito(String operation, String body) throws Exception {
        HttpResponse<String> r = Api.HTTP.send(HttpRequest.newBuilder(TestShop.get().url().resolve("/cognito/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(operation + ": " + r.body()).isEqualTo(200);
        return Json.read(r.body(), JsonNode.class);
    }

    @Test
    void aConfirmedSignUpIsACustomer() throws Exception {
        String client = TestShop.get().userPool().clientId();
        String email = "new-" + UUID.randomUUID() + "@example.com";
        String password = "Fresh-Start-2026!";
        cognito("SignUp", "{\"ClientId\":\"" + client + "\",\"Username\":\"" + email + "\",\"Password\":\"" + password
                + "\",\"UserAttributes\":[{\"Name\":\"email\",\"Value\":\"" + email + "\"}]}");
        JsonNode mailbox = Api.call("GET", "/local/mailbox?email=" + email, null, null).json();
        assertThat(mailbox.get("codes")).hasSize(1);
        cognito("ConfirmSignUp", "{\"ClientId\":\"" + client + "\",\"Username\":\"" + email + "\",\"ConfirmationCode\":\""
                + mailbox.get("codes").get(0).asText() + "\"}");
        String idToken = cognito("InitiateAuth", "{\"ClientId\":\"" + client + "\",\"AuthFlow\":\"USER_PASSWORD_AUTH\","
                + "\"AuthParameters\":{\"USERNAME\":\"" + email + "\",\"PASSWORD\":\"" + password + "\"}}")
                .at("/AuthenticationResult/IdToken").asText();
        assertThat(SignedJWT.parse(idToken).getJWTClaimsSet().getStringListClaim("cognito:groups")).isEqualTo(List.of("customers"));
        assertThat(Api.call("GET", "/api/orders", idToken, null).status()).isEqualTo(200);
    }
}

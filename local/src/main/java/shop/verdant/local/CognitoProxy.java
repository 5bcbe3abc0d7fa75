package shop.verdant.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import shop.verdant.contract.AccountsContract;
import shop.verdant.http.AuthException;
import shop.verdant.http.Json;
import shop.verdant.http.TokenVerifier;

/**
 * The storefront's way to Cognito's user-pool API ({@code POST /cognito/}), as the browser calls it on AWS.
 * cognito-local checks no signatures and no app-client settings, so this proxy does what Cognito would:
 * operations that need AWS credentials are refused; operations that act on the caller's own account pass
 * only with an access token whose signature, expiry, issuer and app client it verified; attribute writes
 * are limited to what the storefront's app client may write. After a successful ConfirmSignUp it runs the
 * post-confirmation trigger, as Cognito does before it answers.
 */
final class CognitoProxy {
    /** What anyone may call: sign-up, sign-in, codes, password reset. */
    static final Set<String> PUBLIC_OPERATIONS = Set.of("SignUp", "ConfirmSignUp", "ResendConfirmationCode",
            "InitiateAuth", "RespondToAuthChallenge", "ForgotPassword", "ConfirmForgotPassword", "RevokeToken");

    /** What acts on the signed-in caller's own account: each carries an AccessToken. */
    static final Set<String> TOKEN_OPERATIONS = Set.of("GetUser", "ChangePassword", "UpdateUserAttributes",
            "DeleteUserAttributes", "VerifyUserAttribute", "GetUserAttributeVerificationCode", "DeleteUser",
            "GlobalSignOut", "AssociateSoftwareToken", "VerifySoftwareToken", "SetUserMFAPreference");

    private static final String AMZ_JSON = "application/x-amz-json-1.1";

    private final String endpoint;
    private final TokenVerifier accessTokens;
    private final Consumer<String> postConfirmation;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    CognitoProxy(String endpoint, TokenVerifier accessTokens, Consumer<String> postConfirmation) {
        this.endpoint = endpoint;
        this.accessTokens = accessTokens;
        this.postConfirmation = postConfirmation;
    }

    Exchange.Response serve(Exchange.Request request) throws IOException {
        if (!request.method().equals("POST")) {
            return Exchange.Response.text(405, "POST the user-pool API call here");
        }
        String target = request.header("X-Amz-Target");
        String operation = target == null ? "" : target.substring(target.lastIndexOf('.') + 1);
        String refusal = refusal(operation, request.body());
        if (refusal != null) {
            return Exchange.Response.of(400, AMZ_JSON, Json.write(Map.of("__type", "NotAuthorizedException",
                    "message", refusal)).getBytes(StandardCharsets.UTF_8), Map.of("Cache-Control", "no-store"));
        }
        try {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(endpoint + "/"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", AMZ_JSON)
                    .header("X-Amz-Target", target)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
            HttpResponse<byte[]> answer = http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() == 200 && operation.equals("ConfirmSignUp")) {
                String user = body(request.body()).path("Username").asText();
                try {
                    postConfirmation.accept(user);
                } catch (RuntimeException e) {
                    System.err.println("post-confirmation trigger failed: " + e);
                }
            }
            return Exchange.Response.of(answer.statusCode(), AMZ_JSON, answer.body(), Map.of("Cache-Control", "no-store"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Exchange.Response.text(503, "interrupted");
        }
    }

    /** Why Cognito would refuse this call from a browser, or null when it may pass. */
    String refusal(String operation, byte[] rawBody) {
        if (PUBLIC_OPERATIONS.contains(operation)) {
            return null;
        }
        if (!TOKEN_OPERATIONS.contains(operation)) {
            return "This operation needs AWS credentials; the storefront may not call it.";
        }
        JsonNode body = body(rawBody);
        try {
            accessTokens.verify(body.path("AccessToken").asText(null));
        } catch (AuthException e) {
            return "Access token is not valid: " + e.getMessage();
        }
        if (operation.equals("UpdateUserAttributes")) {
            for (JsonNode attribute : body.path("UserAttributes")) {
                String name = attribute.path("Name").asText();
                if (!AccountsContract.STOREFRONT_WRITABLE_ATTRIBUTES.contains(name)) {
                    return "A user cannot write the attribute " + name + ".";
                }
            }
        }
        return null;
    }

    private static JsonNode body(byte[] raw) {
        try {
            return Json.read(new String(raw, StandardCharsets.UTF_8), JsonNode.class);
        } catch (RuntimeException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }
}

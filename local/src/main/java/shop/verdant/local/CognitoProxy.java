package shop.verdant.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import shop.verdant.contract.AccountsContract;
import shop.verdant.http.AuthException;
import shop.verdant.http.Json;
import shop.verdant.http.TokenVerifier;

/**
 * The site's way to Cognito's user-pool API ({@code POST /cognito/}), as the browser calls it on AWS.
 * cognito-local checks no signatures and no app-client settings, so this proxy does what Cognito would:
 * operations that need AWS credentials are refused; operations that act on the caller's own account pass
 * only with an access token whose signature, expiry, issuer and app client it verified; attribute writes
 * are limited to what the caller's app client may write. After a successful ConfirmSignUp it runs the
 * post-confirmation trigger, as Cognito does before it answers.
 *
 * <p>For the staff pool it also does what cognito-local cannot: no one signs up (admins invite); an invitation's
 * temporary password is checked; and the second factor is required. A member of staff whose password was right but who
 * has no software token yet gets Cognito's MFA_SETUP challenge instead of tokens: they associate a token and verify a
 * code with the challenge's session, and only then does RespondToAuthChallenge hand over the tokens, which the proxy
 * held back meanwhile. A member who has a token is challenged for its code by cognito-local itself.
 */
final class CognitoProxy {
    /** What anyone may call: sign-up, sign-in, codes, password reset. */
    static final Set<String> PUBLIC_OPERATIONS = Set.of("SignUp", "ConfirmSignUp", "ResendConfirmationCode",
            "InitiateAuth", "RespondToAuthChallenge", "ForgotPassword", "ConfirmForgotPassword", "RevokeToken");

    /** What acts on the signed-in caller's own account: each carries an AccessToken. */
    static final Set<String> TOKEN_OPERATIONS = Set.of("GetUser", "ChangePassword", "UpdateUserAttributes",
            "DeleteUserAttributes", "VerifyUserAttribute", "GetUserAttributeVerificationCode", "DeleteUser",
            "GlobalSignOut", "AssociateSoftwareToken", "VerifySoftwareToken", "SetUserMFAPreference");

    /** What the staff pool refuses: it has no self sign-up. */
    static final Set<String> SIGN_UP_OPERATIONS = Set.of("SignUp", "ConfirmSignUp", "ResendConfirmationCode");

    /** How long an MFA_SETUP session lasts, as Cognito's sessions do. */
    static final Duration SETUP_SESSION = Duration.ofMinutes(3);

    private static final String AMZ_JSON = "application/x-amz-json-1.1";
    private static final String SOFTWARE_TOKEN = "SOFTWARE_TOKEN_MFA";

    /** A staff sign-in waiting for its second factor: the tokens cognito-local issued, not given out yet. */
    private record Held(String username, JsonNode tokens, Instant until, boolean verified) {
        String accessToken() {
            return tokens.path("AccessToken").asText();
        }
    }

    /** A challenge handed out: whose (the name they signed in with, and the one the challenge gave), which, until when. */
    private record Challenge(String username, String userIdForSrp, String name, Instant until) {
        boolean of(String answeredAs) {
            return username.equalsIgnoreCase(answeredAs) || userIdForSrp != null && userIdForSrp.equals(answeredAs);
        }
    }

    private final String endpoint;
    private final TokenVerifier accessTokens;
    private final Consumer<String> postConfirmation;
    private final String staffClientId;
    private final java.util.function.Function<String, String> temporaryPassword;
    private final Map<String, Held> held = new java.util.concurrent.ConcurrentHashMap<>();
    /** The challenge sessions handed out, by session: cognito-local takes any session, Cognito only its own, once. */
    private final Map<String, Challenge> challenges = new java.util.concurrent.ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param accessTokens      verifies access tokens of every pool's app client
     * @param staffClientId     the staff pool's app client
     * @param temporaryPassword an invited user's temporary password by username (email), null when none waits
     */
    CognitoProxy(String endpoint, TokenVerifier accessTokens, Consumer<String> postConfirmation, String staffClientId,
                 java.util.function.Function<String, String> temporaryPassword) {
        this.endpoint = endpoint;
        this.accessTokens = accessTokens;
        this.postConfirmation = postConfirmation;
        this.staffClientId = staffClientId;
        this.temporaryPassword = temporaryPassword;
    }

    Exchange.Response serve(Exchange.Request request) throws IOException {
        if (!request.method().equals("POST")) {
            return Exchange.Response.text(405, "POST the user-pool API call here");
        }
        String target = request.header("X-Amz-Target");
        String operation = target == null ? "" : target.substring(target.lastIndexOf('.') + 1);
        JsonNode body = body(request.body());
        boolean staff = staffClientId != null && staffClientId.equals(body.path("ClientId").asText());
        if (staff && SIGN_UP_OPERATIONS.contains(operation)) {
            return error("NotAuthorizedException", "SignUp is not permitted for this user pool.");
        }
        if (body.hasNonNull("Session") && !body.hasNonNull("AccessToken")
                && (operation.equals("AssociateSoftwareToken") || operation.equals("VerifySoftwareToken"))
                || operation.equals("RespondToAuthChallenge") && body.path("ChallengeName").asText().equals("MFA_SETUP")) {
            return setUp(operation, target, body);
        }
        String refusal = refusal(operation, body);
        if (refusal != null) {
            return error("NotAuthorizedException", refusal);
        }
        if (operation.equals("RespondToAuthChallenge")) {
            Challenge c = challenges.remove(body.path("Session").asText());
            if (c == null || c.until().isBefore(Instant.now()) || !c.name().equals(body.path("ChallengeName").asText())
                    || !c.of(body.path("ChallengeResponses").path("USERNAME").asText())) {
                return error("NotAuthorizedException", "Invalid session for the user, session is expired.");
            }
        }
        if (staff && operation.equals("InitiateAuth") && body.path("AuthFlow").asText().equals("USER_PASSWORD_AUTH")) {
            // cognito-local asks an invited user for a new password without checking the temporary one
            String username = body.path("AuthParameters").path("USERNAME").asText();
            String invited = temporaryPassword.apply(username);
            if (invited != null && !invited.equals(body.path("AuthParameters").path("PASSWORD").asText())) {
                return error("NotAuthorizedException", "Incorrect username or password.");
            }
        }
        HttpResponse<byte[]> answer = forward(target, request.body());
        if (answer.statusCode() == 200 && operation.equals("ConfirmSignUp")) {
            try {
                postConfirmation.accept(body.path("Username").asText());
            } catch (RuntimeException e) {
                System.err.println("post-confirmation trigger failed: " + e);
            }
        }
        if (answer.statusCode() == 200 && (operation.equals("InitiateAuth") || operation.equals("RespondToAuthChallenge"))) {
            JsonNode result = body(answer.body());
            remember(username(body), result);
            boolean passedSecondFactor = operation.equals("RespondToAuthChallenge")
                    && body.path("ChallengeName").asText().equals(SOFTWARE_TOKEN);
            boolean refreshed = body.path("AuthFlow").asText().equals("REFRESH_TOKEN_AUTH");
            if (staff && result.has("AuthenticationResult") && !passedSecondFactor && !refreshed) {
                return secondFactor(username(body), result.get("AuthenticationResult"));
            }
        }
        return Exchange.Response.of(answer.statusCode(), AMZ_JSON, answer.body(), Map.of("Cache-Control", "no-store"));
    }

    /** Tokens for a member of staff who has not given a second factor: Cognito's challenge instead of them. */
    private Exchange.Response secondFactor(String username, JsonNode tokens) throws IOException {
        String session = java.util.UUID.randomUUID().toString();
        HttpResponse<byte[]> user = forward("AWSCognitoIdentityProviderService.GetUser",
                Json.write(Map.of("AccessToken", tokens.path("AccessToken").asText())).getBytes(StandardCharsets.UTF_8));
        boolean enrolled = false;
        for (JsonNode m : body(user.body()).path("UserMFASettingList")) {
            enrolled |= m.asText().equals(SOFTWARE_TOKEN);
        }
        Map<String, Object> parameters = new java.util.LinkedHashMap<>();
        parameters.put("USER_ID_FOR_SRP", username);
        if (enrolled) {
            // signed in with a new password: the token is asked for now (cognito-local answers the code's check)
            challenges.put(session, new Challenge(username, null, SOFTWARE_TOKEN, Instant.now().plus(SETUP_SESSION)));
            return ok(Map.of("ChallengeName", SOFTWARE_TOKEN, "Session", session, "ChallengeParameters", parameters));
        }
        held.values().removeIf(h -> h.until().isBefore(Instant.now()));
        held.put(session, new Held(username, tokens, Instant.now().plus(SETUP_SESSION), false));
        parameters.put("MFAS_CAN_SETUP", "[\"" + SOFTWARE_TOKEN + "\"]");
        return ok(Map.of("ChallengeName", "MFA_SETUP", "Session", session, "ChallengeParameters", parameters));
    }

    /** AssociateSoftwareToken, VerifySoftwareToken and RespondToAuthChallenge of an MFA_SETUP session. */
    private Exchange.Response setUp(String operation, String target, JsonNode body) throws IOException {
        String session = body.path("Session").asText();
        Held h = held.get(session);
        if (h == null || h.until().isBefore(Instant.now())) {
            held.remove(session);
            return error("NotAuthorizedException", "Invalid session for the user, session is expired.");
        }
        if (operation.equals("RespondToAuthChallenge")) {
            if (!h.verified() || !h.username().equalsIgnoreCase(body.path("ChallengeResponses").path("USERNAME").asText())) {
                return error("NotAuthorizedException", "Set up the software token and verify a code first.");
            }
            held.remove(session);
            return ok(Map.of("ChallengeParameters", Map.of(), "AuthenticationResult", h.tokens()));
        }
        com.fasterxml.jackson.databind.node.ObjectNode withToken = ((com.fasterxml.jackson.databind.node.ObjectNode) body.deepCopy());
        withToken.remove("Session");
        withToken.put("AccessToken", h.accessToken());
        HttpResponse<byte[]> answer = forward(target, Json.write(withToken).getBytes(StandardCharsets.UTF_8));
        if (answer.statusCode() != 200) {
            return Exchange.Response.of(answer.statusCode(), AMZ_JSON, answer.body(), Map.of("Cache-Control", "no-store"));
        }
        JsonNode result = body(answer.body());
        if (operation.equals("AssociateSoftwareToken")) {
            return ok(Map.of("SecretCode", result.path("SecretCode").asText(), "Session", session));
        }
        held.put(session, new Held(h.username(), h.tokens(), h.until(), true));
        return ok(Map.of("Status", "SUCCESS", "Session", session));
    }

    /** A challenge cognito-local answered: its session may be answered once, for that user, within the session's life. */
    private void remember(String username, JsonNode answer) {
        if (answer.hasNonNull("ChallengeName") && answer.hasNonNull("Session")) {
            challenges.values().removeIf(c -> c.until().isBefore(Instant.now()));
            challenges.put(answer.get("Session").asText(), new Challenge(username,
                    answer.path("ChallengeParameters").path("USER_ID_FOR_SRP").asText(null), answer.get("ChallengeName").asText(),
                    Instant.now().plus(SETUP_SESSION)));
        }
    }

    private static String username(JsonNode body) {
        return body.path("AuthParameters").path("USERNAME").asText(body.path("ChallengeResponses").path("USERNAME").asText());
    }

    private HttpResponse<byte[]> forward(String target, byte[] body) throws IOException {
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create(endpoint + "/"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", AMZ_JSON)
                    .header("X-Amz-Target", target)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            return http.send(r, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static Exchange.Response ok(Map<String, ?> body) {
        return Exchange.Response.of(200, AMZ_JSON, Json.write(body).getBytes(StandardCharsets.UTF_8), Map.of("Cache-Control", "no-store"));
    }

    private static Exchange.Response error(String type, String message) {
        return Exchange.Response.of(400, AMZ_JSON, Json.write(Map.of("__type", type, "message", message))
                .getBytes(StandardCharsets.UTF_8), Map.of("Cache-Control", "no-store"));
    }

    /** Why Cognito would refuse this call from a browser, or null when it may pass. */
    String refusal(String operation, JsonNode body) {
        if (PUBLIC_OPERATIONS.contains(operation)) {
            return null;
        }
        if (!TOKEN_OPERATIONS.contains(operation)) {
            return "This operation needs AWS credentials; the storefront may not call it.";
        }
        Map<String, String> claims;
        try {
            claims = accessTokens.verify(body.path("AccessToken").asText(null));
        } catch (AuthException e) {
            return "Access token is not valid: " + e.getMessage();
        }
        if (operation.equals("UpdateUserAttributes")) {
            boolean staff = staffClientId != null && staffClientId.equals(claims.get("client_id"));
            var writable = staff ? AccountsContract.STAFF_WRITABLE_ATTRIBUTES : AccountsContract.STOREFRONT_WRITABLE_ATTRIBUTES;
            for (JsonNode attribute : body.path("UserAttributes")) {
                String name = attribute.path("Name").asText();
                if (!writable.contains(name)) {
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

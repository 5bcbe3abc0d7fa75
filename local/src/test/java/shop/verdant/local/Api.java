package shop.verdant.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import shop.verdant.http.Json;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;

/** Calls the running test shop over HTTP, signed in as somebody (real cognito-local tokens) or not. */
final class Api {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    record Response(int status, String body, Map<String, String> headers) {
        JsonNode json() {
            return Json.read(body, JsonNode.class);
        }

        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private Api() {
    }

    static Response call(String method, String path, String token, String body, Map<String, String> headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(TestShop.get().url() + path.substring(1)))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                b.header("Content-Type", "application/json");
            }
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            headers.forEach(b::header);
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> h = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
            return new Response(r.statusCode(), r.body(), h);
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }

    static Response call(String method, String path, String token, String body) {
        return call(method, path, token, body, Map.of());
    }

    /** An id token for a user of the customers' pool, signing them up (confirmed) first if they are new. */
    static String token(String email, String password) {
        return TOKENS.computeIfAbsent(email, e -> {
            LocalShop shop = TestShop.get();
            try (CognitoSetup setup = new CognitoSetup(shop.cognitoEndpoint())) {
                var pool = shop.userPool();
                setup.ensureUser(pool.userPoolId(), pool.clientId(), email, password, null, null);
                return setup.client().initiateAuth(b -> b.clientId(pool.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", email, "PASSWORD", password))).authenticationResult().idToken();
            }
        });
    }

    /** A new id token of this user (not the cached one: after their groups or attributes changed). */
    static String freshToken(String email, String password) {
        LocalShop shop = TestShop.get();
        try (CognitoSetup setup = new CognitoSetup(shop.cognitoEndpoint())) {
            var pool = shop.userPool();
            return setup.client().initiateAuth(b -> b.clientId(pool.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", email, "PASSWORD", password))).authenticationResult().idToken();
        }
    }

    /** The groups in a fresh id token of this user (cognito-local's AdminListGroupsForUser answers none). */
    static java.util.List<String> groupsInToken(String email, String password) {
        try {
            java.util.List<String> groups = com.nimbusds.jwt.SignedJWT.parse(freshToken(email, password)).getJWTClaimsSet()
                    .getStringListClaim("cognito:groups");
            return groups == null ? java.util.List.of() : groups;
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes {@code group} in the customers' pool (which has only customers) if an earlier call did not. */
    static void customerPoolGroup(CognitoSetup setup, String group) {
        try {
            setup.client().createGroup(b -> b.userPoolId(TestShop.get().userPool().userPoolId()).groupName(group));
        } catch (software.amazon.awssdk.services.cognitoidentityprovider.model.GroupExistsException made) {
            // by an earlier call
        }
    }

    /** One call of Cognito's user-pool API through the gateway's {@code /cognito/} proxy, as the site makes it. */
    static Response cognito(String operation, Map<String, ?> body) {
        return call("POST", "/cognito/", null, Json.write(body), Map.of("Content-Type", "application/x-amz-json-1.1",
                "X-Amz-Target", "AWSCognitoIdentityProviderService." + operation));
    }

    /**
     * The first staff sign-in of someone an admin invited, through the proxy as the site makes it: the invitation's
     * temporary password, {@code password} as their own, an authenticator set up and its first code; their id token.
     * (AdminMerchantsTest walks the same steps one by one, with what is refused between them.)
     */
    static String firstStaffSignIn(String email, String password) {
        String client = TestShop.get().staffPool().clientId();
        String temporary = TestShop.get().inbox(email).temporaryPassword();
        JsonNode first = cognito("InitiateAuth", Map.of("ClientId", client, "AuthFlow", "USER_PASSWORD_AUTH",
                "AuthParameters", Map.of("USERNAME", email, "PASSWORD", temporary))).json();
        String session = cognito("RespondToAuthChallenge", Map.of("ClientId", client, "ChallengeName", "NEW_PASSWORD_REQUIRED",
                "Session", first.get("Session").asText(), "ChallengeResponses", Map.of("USERNAME", email, "NEW_PASSWORD", password)))
                .json().get("Session").asText();
        String secret = cognito("AssociateSoftwareToken", Map.of("Session", session)).json().get("SecretCode").asText();
        cognito("VerifySoftwareToken", Map.of("Session", session, "UserCode", Authenticator.code(secret)));
        return cognito("RespondToAuthChallenge", Map.of("ClientId", client, "ChallengeName", "MFA_SETUP", "Session", session,
                "ChallengeResponses", Map.of("USERNAME", email))).json().at("/AuthenticationResult/IdToken").asText();
    }

    /** A new id token of a member of staff (not a cached one): password, then their authenticator's code. */
    static String freshStaffToken(String email, String password) {
        return TestShop.get().staffSignIn(email, password);
    }

    /** An id token of a demo user: the customer from the customers' pool, staff from the staff pool with their TOTP code. */
    static String demo(String role) {
        CognitoSetup.DemoUser u = CognitoSetup.DEMO_USERS.stream().filter(d -> d.role().equals(role)).findFirst().orElseThrow();
        if (!u.staff()) {
            return token(u.email(), u.password());
        }
        return TOKENS.computeIfAbsent("staff:" + u.email(), e -> TestShop.get().staffSignIn(u.email(), u.password()));
    }

    static String customerA() {
        return demo("customer");
    }

    static String customerB() {
        return token("customer-b@verdant.local", "Verdant-CustomerB-1");
    }

    /** A product of the demo catalog that is on sale with more than 5 available (the page says "in stock", not "only N left"). */
    static String productWithPlentyOfStock() {
        JsonNode items = call("GET", "/api/products?limit=100&sort=price_asc", null, null).json().get("items");
        for (JsonNode item : items) {
            String id = item.get("id").asText();
            JsonNode detail = call("GET", "/api/products/" + id, null, null).json();
            if (detail.get("stock").get("inStock").asBoolean() && detail.get("stock").get("onlyLeft") == null) {
                return id;
            }
        }
        throw new IllegalStateException("no product with stock");
    }

    static String orderBody(String productId, int quantity) {
        return "{\"lines\":[{\"productId\":\"" + productId + "\",\"quantity\":" + quantity + "}],"
                + "\"shipTo\":{\"name\":\"Ann Example\",\"line1\":\"1 Green Lane\",\"city\":\"Utrecht\",\"postcode\":\"3511 AB\",\"country\":\"NL\"}}";
    }
}

package shop.verdant.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import shop.verdant.http.Json;
import shop.verdant.contract.Tables;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Bad input and bad tokens through the gateway: every one is a 4xx problem JSON, and nothing is written
 * (the Orders, Idempotency and Carts tables hold exactly what they held before).
 */
class BadInputAndTokensTest {
    static String product;
    static String token;
    static DynamoDbClient dynamo;

    @BeforeAll
    static void setUp() {
        product = Api.productWithPlentyOfStock();
        token = Api.customerB();
        dynamo = shop.verdant.adapter.dynamodb.DynamoDb.client();
    }

    static long count(String table) {
        return dynamo.scan(b -> b.tableName(table).select("COUNT").consistentRead(true)).count();
    }

    static long[] writes() {
        return new long[] {count(Tables.ORDERS.logicalName()), count(Tables.IDEMPOTENCY.logicalName()),
                count(Tables.CARTS.logicalName()), count(Tables.WISHLISTS.logicalName())};
    }

    static List<Object[]> badOrders() {
        String ship = "\"shipTo\":{\"name\":\"A\",\"line1\":\"L\",\"city\":\"C\",\"postcode\":\"1012 AB\",\"country\":\"NL\"}";
        return List.of(
                new Object[] {"malformed JSON", "{\"lines\":[{\"productId\":", 400},
                new Object[] {"not an object", "[1,2,3]", 400},
                new Object[] {"empty body", "", 400},
                new Object[] {"unknown field", "{\"lines\":[{\"productId\":\"" + product + "\",\"quantity\":1}]," + ship + ",\"price\":1}", 400},
                new Object[] {"unknown line field", "{\"lines\":[{\"productId\":\"" + product + "\",\"quantity\":1,\"unitPrice\":1}]," + ship + "}", 400},
                new Object[] {"zero quantity", "{\"lines\":[{\"productId\":\"" + product + "\",\"quantity\":0}]," + ship + "}", 400},
                new Object[] {"negative quantity", "{\"lines\":[{\"productId\":\"" + product + "\",\"quantity\":-3}]," + ship + "}", 400},
                new Object[] {"huge quantity", "{\"lines\":[{\"productId\":\"" + product + "\",\"quantity\":99999999999999999999}]," + ship + "}", 400},
                new Object[] {"quantity 11", "{\"lines\":[{\"productId\":\"" + product + "\",\"quantity\":11}]," + ship + "}", 400},
                new Object[] {"fractional quantity", "{\"lines\":[{\"productId\":\"" + product + "\",\"quantity\":1.5}]," + ship + "}", 400},
                new Object[] {"quantity as text", "{\"lines\":[{\"productId\":\"" + product + "\",\"quantity\":\"2\"}]," + ship + "}", 400},
                new Object[] {"unknown product", "{\"lines\":[{\"productId\":\"" + UUID.randomUUID() + "\",\"quantity\":1}]," + ship + "}", 400},
                new Object[] {"no lines", "{\"lines\":[]," + ship + "}", 400},
                new Object[] {"no address", "{\"lines\":[{\"productId\":\"" + product + "\",\"quantity\":1}]}", 400},
                new Object[] {"bad country", "{\"lines\":[{\"productId\":\"" + product + "\",\"quantity\":1}],"
                        + "\"shipTo\":{\"name\":\"A\",\"line1\":\"L\",\"city\":\"C\",\"postcode\":\"1\",\"country\":\"Holland\"}}", 400},
                new Object[] {"oversized body", "{\"lines\":[],\"x\":\"" + "a".repeat(70_000) + "\"}", 400});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOrders")
    void badOrderBodiesAre400ProblemsAndWriteNothing(String name, String body, int status) {
        long[] before = writes();
        var r = Api.call("POST", "/api/orders", token, body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("content-type")).isEqualTo("application/problem+json");
        var problem = r.json();
        assertThat(problem.get("type").asText()).startsWith("/problems/");
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("instance").asText()).isNotBlank();
        assertThat(r.body()).doesNotContain("Exception", "at shop.", "at software.");
        assertThat(writes()).containsExactly(before);
    }

    @Test
    void missingOrMalformedIdempotencyKeyIs400() {
        long[] before = writes();
        assertThat(Api.call("POST", "/api/orders", token, Api.orderBody(product, 1)).status()).isEqualTo(400);
        assertThat(Api.call("POST", "/api/orders", token, Api.orderBody(product, 1), Map.of("Idempotency-Key", "x")).status()).isEqualTo(400);
        assertThat(writes()).containsExactly(before);
    }

    @Test
    void badCartInputIs4xxAndWritesNothing() {
        long[] before = writes();
        for (String body : List.of("{", "{\"productId\":\"" + product + "\"}", "{\"productId\":\"" + product + "\",\"quantity\":0}",
                "{\"productId\":\"" + product + "\",\"quantity\":1e40}", "{\"productId\":\"../../etc\",\"quantity\":1}",
                "{\"productId\":\"" + product + "\",\"quantity\":1,\"price\":1}")) {
            var r = Api.call("POST", "/api/cart/items", null, body);
            assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(400);
        }
        var unknown = Api.call("POST", "/api/cart/items", null, "{\"productId\":\"" + UUID.randomUUID() + "\",\"quantity\":1}");
        assertThat(unknown.status()).isEqualTo(404);
        // a token the shop did not issue names no cart: it reads as an empty one and is never adopted
        var forged = Api.call("GET", "/api/cart", null, null, Map.of("X-Cart-Token", "not-a-token"));
        assertThat(forged.status()).isEqualTo(200);
        assertThat(forged.json().get("itemCount").asInt()).isZero();
        assertThat(forged.json().has("cartToken")).isFalse();
        assertThat(writes()).containsExactly(before);
    }

    static String[] parts(String jwt) {
        return jwt.split("\\.");
    }

    /** Signs {@code claims} with the key cognito-local signs with, so only the claim under test is wrong. */
    static String signedLikeThePool(JWTClaimsSet claims) throws Exception {
        Path keyFile = LocalShop.codeHome().resolve("../cognito/node_modules/cognito-local/lib/keys/cognitoLocal.private.json").normalize();
        var jwk = Json.read(Files.readString(keyFile), com.fasterxml.jackson.databind.JsonNode.class).get("jwk");
        RSAKey key = RSAKey.parse(jwk.toString());
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("CognitoLocal").build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    static List<Object[]> badTokens() throws Exception {
        String good = Api.customerA();
        JWTClaimsSet claims = SignedJWT.parse(good).getJWTClaimsSet();
        String[] p = parts(good);
        String tamperedPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(p[1])).replace(claims.getSubject(), UUID.randomUUID().toString()).getBytes());
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("CognitoLocal").generate();
        SignedJWT strangers = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("CognitoLocal").build(), claims);
        strangers.sign(new RSASSASigner(stranger));
        return List.of(
                new Object[] {"expired", signedLikeThePool(new JWTClaimsSet.Builder(claims)
                        .issueTime(new Date(System.currentTimeMillis() - 7_200_000))
                        .expirationTime(new Date(System.currentTimeMillis() - 3_600_000)).build())},
                new Object[] {"tampered payload", p[0] + "." + tamperedPayload + "." + p[2]},
                new Object[] {"signed by another key", strangers.serialize()},
                new Object[] {"foreign pool (issuer)", foreignPoolToken()},
                new Object[] {"another app client", signedLikeThePool(new JWTClaimsSet.Builder(claims).audience("someone-elses-client").build())},
                new Object[] {"wrong token_use", signedLikeThePool(new JWTClaimsSet.Builder(claims).claim("token_use", "refresh").build())},
                new Object[] {"unsigned (alg none)", p[0].replace(p[0], java.util.Base64.getUrlEncoder().withoutPadding()
                        .encodeToString("{\"alg\":\"none\"}".getBytes())) + "." + p[1] + "."},
                new Object[] {"an access token (the authorizer takes id tokens)", accessToken()},
                new Object[] {"garbage", "not.a.jwt"});
    }

    static String accessToken() {
        LocalShop shop = TestShop.get();
        try (CognitoSetup setup = new CognitoSetup(shop.cognitoEndpoint())) {
            var pool = shop.userPool();
            var demo = CognitoSetup.DEMO_USERS.get(0);
            return setup.client().initiateAuth(b -> b.clientId(pool.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", demo.email(), "PASSWORD", demo.password())))
                    .authenticationResult().accessToken();
        }
    }

    @Test
    void theCognitoProxyRefusesAdminOperations() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(TestShop.get().url().resolve("/cognito/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.AdminAddUserToGroup")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"UserPoolId\":\"" + TestShop.get().userPool().userPoolId()
                        + "\",\"Username\":\"customer@verdant.local\",\"GroupName\":\"admins\"}")).build();
        var r = Api.HTTP.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("NotAuthorizedException");
        var customer = CognitoSetup.DEMO_USERS.get(0);
        assertThat(Api.groupsInToken(customer.email(), customer.password())).containsExactly("customers");
        // the same call with the admin API's credentials (here: straight to cognito-local) does take effect,
        // so the refusal above is the proxy's doing
        try (CognitoSetup setup = new CognitoSetup(TestShop.get().cognitoEndpoint())) {
            String probe = "promoted-" + UUID.randomUUID() + "@example.com";
            setup.ensureUser(TestShop.get().userPool().userPoolId(), TestShop.get().userPool().clientId(), probe, "Promoted-User-1", null, null);
            Api.customerPoolGroup(setup, "admins");
            setup.client().adminAddUserToGroup(b -> b.userPoolId(TestShop.get().userPool().userPoolId()).username(probe).groupName("admins"));
            assertThat(Api.groupsInToken(probe, "Promoted-User-1")).containsExactly("admins");
        }
    }

    /** A real token from a second user pool on the same cognito-local (same signing key, other issuer). */
    static String foreignPoolToken() {
        LocalShop shop = TestShop.get();
        try (CognitoSetup setup = new CognitoSetup(shop.cognitoEndpoint())) {
            var client = setup.client();
            String pool = client.createUserPool(b -> b.poolName("foreign-" + UUID.randomUUID())).userPool().id();
            String app = client.createUserPoolClient(b -> b.userPoolId(pool).clientName("foreign")
                    .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH)).userPoolClient().clientId();
            setup.ensureUser(pool, app, "foreigner@example.com", "Foreign-Pass-1", null, null);
            return client.initiateAuth(b -> b.clientId(app).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", "foreigner@example.com", "PASSWORD", "Foreign-Pass-1")))
                    .authenticationResult().idToken();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void badTokensAre401OnEveryKindOfRoute_andWriteNothing(String name, String badToken) {
        long[] before = writes();
        var authorizerRoute = Api.call("POST", "/api/orders", badToken, Api.orderBody(product, 1),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        var handlerVerified = Api.call("POST", "/api/cart/items", badToken, "{\"productId\":\"" + product + "\",\"quantity\":1}");
        for (var r : List.of(authorizerRoute, handlerVerified)) {
            assertThat(r.status()).as(name + ": " + r.body()).isEqualTo(401);
            assertThat(r.header("content-type")).isEqualTo("application/problem+json");
        }
        assertThat(writes()).containsExactly(before);
    }

    @Test
    void noTokenOnAProtectedRouteIs401() {
        var r = Api.call("GET", "/api/orders", null, null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("type").asText()).isEqualTo("/problems/unauthorized");
    }
}

package shop.verdant.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import java.util.Set;
import shop.verdant.contract.FunctionGroup;
import shop.verdant.contract.Handler;
import shop.verdant.contract.Need;
import shop.verdant.contract.Role;
import shop.verdant.contract.Route;

/** How ApiHandler applies a route's auth and groups before the handler runs. */
class ApiHandlerAuthorizationTest {

    static final FunctionGroup GROUP = new FunctionGroup("http", "test", "probes", Set.of(Need.TOKEN_VERIFIER));

    /** Answers 200 with who called; its route is given, not looked up (real handlers' lookup: ShoppingHandlersTest). */
    static final class Probe extends ApiHandler {
        private final Route route;

        Probe(Route.Auth auth, Role... roles) {
            this.route = new Route("GET", "/api/probe", new Handler(Probe.class.getName(), GROUP, Map.of(), "probe"),
                    auth, Set.of(roles));
        }

        @Override
        protected Route route() {
            return route;
        }

        @Override
        protected TokenVerifier tokenVerifier() {
            return token -> {
                if (!token.equals("good-token")) {
                    throw AuthException.unauthorized("The token is not valid: Signed JWT rejected");
                }
                return Map.of("sub", "from-token", "cognito:groups", "customers");
            };
        }

        @Override
        protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
            Principal p = request.principal();
            return ApiResponse.privateJson(200, Map.of("sub", p == null ? "anonymous" : p.sub(),
                    "groups", p == null ? List.of() : List.copyOf(p.groups())));
        }
    }

    static APIGatewayProxyRequestEvent event(Map<String, Object> claims, String authorization) {
        var context = new APIGatewayProxyRequestEvent.ProxyRequestContext().withRequestId("r-1");
        if (claims != null) {
            context.setAuthorizer(new HashMap<>(Map.of("claims", claims)));
        }
        Map<String, String> headers = new HashMap<>();
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        return new APIGatewayProxyRequestEvent().withHttpMethod("GET").withHeaders(headers).withRequestContext(context);
    }

    static int status(ApiHandler h, APIGatewayProxyRequestEvent e) {
        return h.handleRequest(e, null).getStatusCode();
    }

    @Test
    void cognitoRoutesNeedTheAuthorizersClaimsAndOneOfTheGroups() {
        Probe admins = new Probe(Route.Auth.COGNITO, Role.ADMIN);
        assertThat(status(admins, event(null, null))).isEqualTo(401);
        // a bearer header alone is not enough: on these routes API Gateway's authorizer supplies the claims
        assertThat(status(admins, event(null, "Bearer good-token"))).isEqualTo(401);
        var forbidden = admins.handleRequest(event(Map.of("sub", "u1", "cognito:groups", "customers,merchants"), null), null);
        assertThat(forbidden.getStatusCode()).isEqualTo(403);
        assertThat(forbidden.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(status(admins, event(Map.of("sub", "u1", "cognito:groups", "merchants,admins"), null))).isEqualTo(200);
        // HTTP APIs render groups as "[a b]"; both spellings are read
        assertThat(status(admins, event(Map.of("sub", "u1", "cognito:groups", "[merchants admins]"), null))).isEqualTo(200);

        Probe anyone = new Probe(Route.Auth.COGNITO);
        assertThat(status(anyone, event(Map.of("sub", "u2"), null))).isEqualTo(200);
        assertThat(status(anyone, event(Map.of("email", "no-sub@example.com"), null))).isEqualTo(401);
    }

    @Test
    void withAStaffPool_staffRolesComeOnlyFromItsTokens_aCustomerPoolTokenClaimingThemIsRefused() {
        String staff = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Staff";
        Probe admins = new Probe(Route.Auth.COGNITO, Role.ADMIN);
        Probe anyone = new Probe(Route.Auth.COGNITO);
        System.setProperty("STAFF_ISSUER", staff);
        try {
            Map<String, Object> customerPool = Map.of("sub", "u1", "cognito:groups", "admins,customers",
                    "iss", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Users");
            var refused = admins.handleRequest(event(customerPool, null), null);
            assertThat(refused.getStatusCode()).isEqualTo(403);
            assertThat(refused.getBody()).contains("staff sign-in", "second factor");
            assertThat(anyone.handleRequest(event(customerPool, null), null).getBody())
                    .as("the same token is still a customer's").contains("customers").doesNotContain("\"admins\"");
            assertThat(status(admins, event(Map.of("sub", "u2", "cognito:groups", "admins", "iss", staff), null))).isEqualTo(200);
            assertThat(status(admins, event(Map.of("sub", "u3", "cognito:groups", "admins"), null))).as("no issuer, no staff").isEqualTo(403);
        } finally {
            System.clearProperty("STAFF_ISSUER");
        }
        assertThat(status(admins, event(Map.of("sub", "u1", "cognito:groups", "admins"), null)))
                .as("one pool (the local shop): its tokens carry every role").isEqualTo(200);
    }

    @Test
    void optionalRoutesVerifyATokenWhenOneIsSent() {
        Probe cart = new Probe(Route.Auth.OPTIONAL);
        assertThat(cart.handleRequest(event(null, null), null).getBody()).contains("anonymous");
        assertThat(cart.handleRequest(event(null, "Bearer good-token"), null).getBody()).contains("from-token");
        assertThat(cart.handleRequest(event(null, "good-token"), null).getBody()).contains("from-token");
        var bad = cart.handleRequest(event(null, "Bearer forged"), null);
        assertThat(bad.getStatusCode()).isEqualTo(401);
        assertThat(bad.getBody()).contains("/problems/unauthorized").doesNotContain("Exception");
    }

    @Test
    void publicRoutesIgnoreIdentity() {
        Probe open = new Probe(Route.Auth.NONE);
        assertThat(open.handleRequest(event(Map.of("sub", "u3"), "Bearer forged"), null).getBody()).contains("anonymous");
    }

    @Test
    void aMerchantIdCountsOnlyWithMembershipInMerchants() {
        Principal member = Principal.fromClaims(Map.of("sub", "m1", "cognito:groups", "customers,merchants",
                "custom:merchantId", "merchant-7"));
        assertThat(member.merchantId()).isEqualTo("merchant-7");
        // a user who got the attribute some other way is no merchant
        Principal outsider = Principal.fromClaims(Map.of("sub", "c1", "cognito:groups", "customers",
                "custom:merchantId", "merchant-7"));
        assertThat(outsider.merchantId()).isNull();
        assertThat(Principal.fromClaims(Map.of("sub", "m2", "cognito:groups", "merchants", "custom:merchantId", " ")).merchantId())
                .isNull();
    }

    @Test
    void rolesAreCheckedByTheirCognitoGroup_notByTheirName() {
        Probe merchants = new Probe(Route.Auth.COGNITO, Role.MERCHANT);
        assertThat(status(merchants, event(Map.of("sub", "u1", "cognito:groups", "MERCHANT"), null))).isEqualTo(403);
        assertThat(status(merchants, event(Map.of("sub", "u1", "cognito:groups", "merchants"), null))).isEqualTo(200);
    }

    @Test
    void anUnexpectedFailureIs500WithTheRequestId_andLogsExactlyOneLineWithTheStackTraceAsAField() {
        ApiHandler failing = new ApiHandler() {
            @Override
            protected APIGatewayProxyResponseEvent handle(ApiRequest request) {
                throw new IllegalStateException("the database is on fire");
            }
        };
        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        APIGatewayProxyResponseEvent r;
        try {
            r = failing.handleRequest(event(null, null), null);
        } finally {
            System.setOut(original);
        }
        assertThat(r.getStatusCode()).isEqualTo(500);
        assertThat(r.getBody()).contains("\"instance\":\"r-1\"").doesNotContain("fire", "IllegalStateException", "at shop.");
        java.util.List<String> lines = out.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1);
        var line = Json.read(lines.get(0), com.fasterxml.jackson.databind.JsonNode.class);
        assertThat(line.get("level").asText()).isEqualTo("ERROR");
        assertThat(line.get("function_request_id").asText()).isEqualTo("r-1");
        assertThat(line.has("cold_start")).isTrue();
        assertThat(line.at("/error/name").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(line.at("/error/stack").asText()).contains("the database is on fire", "at shop.verdant.http");
    }
}

package shop.verdant.shopping;

import shop.verdant.adapter.jwt.CognitoTokenVerifier;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.verdant.http.Json;
import shop.verdant.testing.ShopOnDynamo;

/**
 * Each shopping handler fed the sample events in events/ (API Gateway REST events with the Cognito
 * authorizer's claims, or a bearer token on optional-auth routes), over DynamoDB Local.
 */
class ShoppingHandlersTest {
    static final String CUSTOMER = "7d3f0b2a-5c61-4e8f-9a0d-2b4c6e8f1a3b";
    static ShopOnDynamo shop;
    static Supplier<ShoppingWiring.Services> services;
    static HttpServer jwks;
    static final java.util.concurrent.atomic.AtomicInteger JWKS_FETCHES = new java.util.concurrent.atomic.AtomicInteger();
    static RSAKey key;

    @BeforeAll
    static void start() throws Exception {
        shop = new ShopOnDynamo();
        shop.product("prod-bamboo-brush", 1399, 20);
        shop.product("prod-glass-bottle", 2450, 2);
        var s = new ShoppingWiring.Services(shop.carts, shop.wishlists, shop.placeOrder, shop.orders);
        services = () -> s;
        // The user pool's JWKS, served over HTTP like Cognito's: the handler fetches and caches it.
        key = new RSAKeyGenerator(2048).keyID("test-key").generate();
        byte[] keys = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/pool/.well-known/jwks.json", x -> {
            JWKS_FETCHES.incrementAndGet();
            x.sendResponseHeaders(200, keys.length);
            x.getResponseBody().write(keys);
            x.close();
        });
        jwks.start();
        String issuer = "http://127.0.0.1:" + jwks.getAddress().getPort() + "/pool";
        System.setProperty("COGNITO_ISSUER", issuer);
        System.setProperty("COGNITO_CLIENT_ID", "test-client");
    }

    @AfterAll
    static void stop() {
        jwks.stop(0);
    }

    static APIGatewayProxyRequestEvent event(String name) {
        return EventLoader.loadApiGatewayRestEvent("events/" + name + ".json");
    }

    static JsonNode body(APIGatewayProxyResponseEvent r) {
        return Json.read(r.getBody(), JsonNode.class);
    }

    static String idToken(String sub) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test-key").build(),
                new JWTClaimsSet.Builder().subject(sub).issuer(System.getProperty("COGNITO_ISSUER"))
                        .audience("test-client").claim("token_use", "id").claim("email", "customer@verdant.local")
                        .claim("cognito:groups", List.of("customers"))
                        .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 600_000)).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    static APIGatewayProxyRequestEvent withHeader(APIGatewayProxyRequestEvent e, String name, String value) {
        Map<String, String> h = new HashMap<>(e.getHeaders());
        h.put(name, value);
        e.setHeaders(h);
        return e;
    }

    static APIGatewayProxyRequestEvent withQuery(APIGatewayProxyRequestEvent e, String name, String value) {
        Map<String, java.util.List<String>> q = new HashMap<>();
        if (e.getMultiValueQueryStringParameters() != null) {
            q.putAll(e.getMultiValueQueryStringParameters());
        }
        q.put(name, java.util.List.of(value));
        e.setMultiValueQueryStringParameters(q);
        return e;
    }

    @Test
    void aVisitorsCartLivesByItsToken() {
        var added = new AddCartItemHandler(services).handleRequest(event("shopping-cart-add-item-visitor"), null);
        assertThat(added.getStatusCode()).isEqualTo(200);
        String token = added.getHeaders().get("X-Cart-Token");
        // kid.payload.mac: 128 random bits sealed with the cart keyring
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{30}\\.[A-Za-z0-9_-]{22}");
        assertThat(body(added).get("cartToken").asText()).isEqualTo(token);
        assertThat(body(added).at("/lines/0/unitPrice/amount").asLong()).isEqualTo(1399);
        assertThat(body(added).at("/subtotal/amount").asLong()).isEqualTo(2798);
        assertThat(added.getHeaders()).containsEntry("Cache-Control", "private, no-store");
        // delivered to the Netherlands (no country asked): €27.98 is under €40, so €4.95 shipping, €12.02 to go for free
        assertThat(body(added).at("/delivery/country").asText()).isEqualTo("NL");
        assertThat(body(added).at("/delivery/shipping/amount").asLong()).isEqualTo(495);
        assertThat(body(added).at("/delivery/total/amount").asLong()).isEqualTo(2798 + 495);
        assertThat(body(added).at("/delivery/freeShippingIn/amount").asLong()).isEqualTo(4000 - 2798);
        var toGermany = new GetCartHandler(services).handleRequest(withQuery(withHeader(event("shopping-cart-get-visitor"),
                "X-Cart-Token", token), "country", "DE"), null);
        assertThat(body(toGermany).at("/delivery/shipping/amount").asLong()).isEqualTo(895);
        assertThat(body(toGermany).at("/delivery/vat/0/rate").asText()).isEqualTo("19");
        var nowhere = new AddCartItemHandler(services).handleRequest(withQuery(withHeader(event("shopping-cart-add-item-visitor"),
                "X-Cart-Token", token), "country", "US"), null);
        assertThat(nowhere.getStatusCode()).isEqualTo(400);
        assertThat(body(nowhere).at("/errors/0/field").asText()).isEqualTo("country");
        assertThat(body(new GetCartHandler(services).handleRequest(withHeader(event("shopping-cart-get-visitor"),
                "X-Cart-Token", token), null)).at("/lines/0/quantity").asInt()).as("the refused add changed nothing").isEqualTo(2);

        var replaced = new ReplaceCartHandler(services).handleRequest(withHeader(event("shopping-cart-replace-visitor"), "X-Cart-Token", token), null);
        assertThat(body(replaced).get("lines")).hasSize(2);
        // 3 bottles wanted, 2 in stock: the cart says so and cannot be ordered as it is
        assertThat(body(replaced).at("/lines/1/warnings/0").asText()).isEqualTo("LOW_STOCK");
        assertThat(body(replaced).at("/lines/1/available").asLong()).isEqualTo(2);
        assertThat(body(replaced).get("orderable").asBoolean()).isFalse();

        var updated = new UpdateCartItemHandler(services).handleRequest(withHeader(event("shopping-cart-update-item-visitor"), "X-Cart-Token", token), null);
        assertThat(body(updated).at("/lines/0/quantity").asInt()).isEqualTo(4);
        var removed = new RemoveCartItemHandler(services).handleRequest(withHeader(event("shopping-cart-remove-item-visitor"), "X-Cart-Token", token), null);
        assertThat(body(removed).get("lines")).hasSize(1);
        var got = new GetCartHandler(services).handleRequest(withHeader(event("shopping-cart-get-visitor"), "X-Cart-Token", token), null);
        assertThat(body(got).get("itemCount").asInt()).isEqualTo(4);
        var bad = new AddCartItemHandler(services).handleRequest(event("shopping-cart-add-item-bad-quantity"), null);
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(bad.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    }

    @Test
    void aSignedInCustomersCartIsFoundByTheVerifiedToken_andAVisitorCartMergesIntoIt() throws Exception {
        var added = new AddCartItemHandler(services).handleRequest(withHeader(event("shopping-cart-add-item-customer"),
                "Authorization", "Bearer " + idToken(CUSTOMER)), null);
        assertThat(added.getStatusCode()).as(added.getBody()).isEqualTo(200);
        assertThat(body(added).has("cartToken")).isFalse();
        var forged = new AddCartItemHandler(services).handleRequest(event("shopping-cart-add-item-customer"), null);
        assertThat(forged.getStatusCode()).isEqualTo(401);

        var visitor = new AddCartItemHandler(services).handleRequest(event("shopping-cart-add-item-visitor"), null);
        String token = visitor.getHeaders().get("X-Cart-Token");
        var merged = new MergeCartHandler(services).handleRequest(withHeader(event("shopping-cart-merge"), "X-Cart-Token", token), null);
        assertThat(merged.getStatusCode()).isEqualTo(200);
        assertThat(body(merged).get("lines")).extracting(l -> l.get("productId").asText())
                .contains("prod-bamboo-brush", "prod-glass-bottle");
        var visitorAfter = new GetCartHandler(services).handleRequest(withHeader(event("shopping-cart-get-visitor"), "X-Cart-Token", token), null);
        assertThat(body(visitorAfter).get("itemCount").asInt()).isZero();
    }

    @Test
    void wishlistAddListMoveRemove() {
        assertThat(body(new AddWishlistItemHandler(services).handleRequest(event("shopping-wishlist-add"), null)).get("items")).hasSize(1);
        var listed = body(new ListWishlistHandler(services).handleRequest(event("shopping-wishlist-list"), null));
        assertThat(listed.at("/items/0/product/price/amount").asLong()).isEqualTo(2450);
        var moved = new MoveWishlistItemToCartHandler(services).handleRequest(event("shopping-wishlist-move-to-cart"), null);
        assertThat(moved.getStatusCode()).isEqualTo(200);
        assertThat(body(new ListWishlistHandler(services).handleRequest(event("shopping-wishlist-list"), null)).get("items")).isEmpty();
        // removing takes a listed product off the list (and removing it again changes nothing)
        assertThat(body(new AddWishlistItemHandler(services).handleRequest(event("shopping-wishlist-add"), null)).get("items")).hasSize(1);
        var removed = new RemoveWishlistItemHandler(services).handleRequest(event("shopping-wishlist-remove"), null);
        assertThat(removed.getStatusCode()).isEqualTo(200);
        assertThat(body(removed).get("items")).isEmpty();
        assertThat(body(new ListWishlistHandler(services).handleRequest(event("shopping-wishlist-list"), null)).get("items")).isEmpty();
        var again = new RemoveWishlistItemHandler(services).handleRequest(event("shopping-wishlist-remove"), null);
        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(body(again).get("items")).isEmpty();
    }

    @Test
    void aCartTokenTheShopDidNotIssueNamesNoCart_soTwoVisitorsNeverShareOne() {
        String invented = "AAAAAAAAAAAAAAAAAAAAAA";
        long cartsBefore = shop.count(shop.cartsTable);
        var first = new AddCartItemHandler(services).handleRequest(withHeader(event("shopping-cart-add-item-visitor"),
                "X-Cart-Token", invented), null);
        var second = new AddCartItemHandler(services).handleRequest(withHeader(event("shopping-cart-add-item-visitor"),
                "X-Cart-Token", invented), null);
        String issuedFirst = first.getHeaders().get("X-Cart-Token");
        String issuedSecond = second.getHeaders().get("X-Cart-Token");
        // each got a cart of its own under a token the shop issued, not the one they made up
        assertThat(issuedFirst).isNotEqualTo(invented);
        assertThat(issuedSecond).isNotEqualTo(invented).isNotEqualTo(issuedFirst);
        assertThat(body(second).get("itemCount").asInt()).isEqualTo(2);
        assertThat(shop.count(shop.cartsTable)).isEqualTo(cartsBefore + 2);
        var byInvented = new GetCartHandler(services).handleRequest(withHeader(event("shopping-cart-get-visitor"),
                "X-Cart-Token", invented), null);
        assertThat(byInvented.getStatusCode()).isEqualTo(200);
        assertThat(body(byInvented).get("itemCount").asInt()).isZero();
        // an issued token with its signature edited opens nothing either
        String edited = issuedFirst.substring(0, issuedFirst.length() - 4) + (issuedFirst.endsWith("AAAA") ? "BBBB" : "AAAA");
        var byEdited = new GetCartHandler(services).handleRequest(withHeader(event("shopping-cart-get-visitor"),
                "X-Cart-Token", edited), null);
        assertThat(body(byEdited).get("itemCount").asInt()).isZero();
        var byIssued = new GetCartHandler(services).handleRequest(withHeader(event("shopping-cart-get-visitor"),
                "X-Cart-Token", issuedFirst), null);
        assertThat(body(byIssued).get("itemCount").asInt()).isEqualTo(2);
    }

    @Test
    void placeListGetCancelExpire() {
        var placed = new PlaceOrderHandler(services).handleRequest(event("shopping-orders-place"), null);
        assertThat(placed.getStatusCode()).as(placed.getBody()).isEqualTo(201);
        JsonNode order = body(placed);
        // the two brush lines are summed; prices are the catalog's: 3 x 13.99 + 24.50
        assertThat(order.get("lines")).hasSize(2);
        assertThat(order.at("/subtotal/amount").asLong()).isEqualTo(3 * 1399 + 2450);
        // €66.47 of goods: delivery is free from €40, so the total is the goods; 21 % VAT (NL) is 66.47 × 21/121 = 11.536…
        assertThat(order.at("/shipping/amount").asLong()).isZero();
        assertThat(order.at("/total/amount").asLong()).isEqualTo(3 * 1399 + 2450);
        assertThat(order.at("/vat/0/rate").asText()).isEqualTo("21");
        assertThat(order.at("/vat/0/amount/amount").asLong()).isEqualTo(1154);
        assertThat(order.get("status").asText()).isEqualTo("PENDING_PAYMENT");
        String id = order.get("orderId").asText();
        assertThat(placed.getHeaders()).containsEntry("Location", "/api/orders/" + id);

        var again = new PlaceOrderHandler(services).handleRequest(event("shopping-orders-place"), null);
        assertThat(again.getBody()).isEqualTo(placed.getBody());
        assertThat(again.getHeaders()).containsEntry("Idempotent-Replayed", "true");

        var bad = new PlaceOrderHandler(services).handleRequest(event("shopping-orders-place-bad-input"), null);
        assertThat(bad.getStatusCode()).isEqualTo(400);
        var noClaims = new PlaceOrderHandler(services).handleRequest(event("shopping-orders-place-without-claims"), null);
        assertThat(noClaims.getStatusCode()).isEqualTo(401);

        var list = body(new ListOrdersHandler(services).handleRequest(event("shopping-orders-list"), null));
        assertThat(list.get("items")).extracting(o -> o.get("orderId").asText()).contains(id);

        var get = event("shopping-orders-get");
        get.setPathParameters(Map.of("id", id));
        assertThat(body(new GetOrderHandler(services).handleRequest(get, null)).get("orderId").asText()).isEqualTo(id);
        var other = event("shopping-orders-get-other-customer");
        other.setPathParameters(Map.of("id", id));
        var denied = new GetOrderHandler(services).handleRequest(other, null);
        assertThat(denied.getStatusCode()).isEqualTo(404);
        assertThat(denied.getBody()).doesNotContain(id, "Green Lane");

        var cancel = event("shopping-orders-cancel");
        cancel.setPathParameters(Map.of("id", id));
        assertThat(body(new CancelOrderHandler(services).handleRequest(cancel, null)).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(shop.store.levels("prod-glass-bottle").reserved()).isZero();

        // a second order, left unpaid past its reservation, is expired by the scheduled sweeper
        var second = event("shopping-orders-place");
        second.setHeaders(new HashMap<>(second.getHeaders()));
        second.getHeaders().put("Idempotency-Key", "second-order-key-0001");
        String secondId = body(new PlaceOrderHandler(services).handleRequest(second, null)).get("orderId").asText();
        shop.clock.advance(java.time.Duration.ofMinutes(16));
        java.util.Map<String, Long> counted = new java.util.HashMap<>();
        shop.verdant.http.Metrics metrics = new shop.verdant.http.Metrics() {
            @Override
            public void count(String name, long n) {
                counted.merge(name, n, Long::sum);
            }

            @Override
            public void flush() {
                counted.merge("flushes", 1L, Long::sum);
            }
        };
        var swept = new ExpireOrdersHandler(() -> shop.orders, metrics)
                .handleRequest(EventLoader.loadScheduledEvent("events/shopping-orders-expire-schedule.json"), null);
        assertThat((Integer) swept.get("expired")).isGreaterThanOrEqualTo(1);
        assertThat(counted).containsEntry("OrdersExpired", ((Integer) swept.get("expired")).longValue()).containsEntry("flushes", 1L);
        assertThat(shop.orders.get(CUSTOMER, secondId).status().name()).isEqualTo("EXPIRED");
        assertThat(shop.store.levels("prod-glass-bottle").available()).isEqualTo(2);
    }

    @Test
    void primingFetchesThePoolsKeysOnce_soTheFirstTokenIsVerifiedWithoutCallingCognito() throws Exception {
        var verifier = CognitoTokenVerifier.fromEnvironment();
        int before = JWKS_FETCHES.get();
        verifier.prime();
        assertThat(JWKS_FETCHES.get()).isEqualTo(before + 1);
        assertThat(verifier.verify(idToken(CUSTOMER))).containsEntry("sub", CUSTOMER);
        assertThat(JWKS_FETCHES.get()).isEqualTo(before + 1);
    }
}

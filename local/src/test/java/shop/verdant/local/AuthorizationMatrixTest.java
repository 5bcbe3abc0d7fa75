package shop.verdant.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.verdant.contract.Route;
import shop.verdant.contract.Contract;

/**
 * Every route × {anonymous, customer A, customer B, merchant A, merchant B, admin, agent, marketing} through the local gateway with real
 * cognito-local tokens, against the expected status. A route of the contract that has no row here
 * fails the test, so a new route cannot ship without its authorization being decided and tested.
 */
class AuthorizationMatrixTest {
    enum Caller { ANONYMOUS, CUSTOMER_A, CUSTOMER_B, MERCHANT, MERCHANT_B, ADMIN, AGENT, MARKETING }

    /** One probe per route: how to call it, and the status each caller must get. */
    record Row(String method, String routePath, java.util.function.Function<Caller, String> path,
               java.util.function.Function<Caller, String> body, Map<Caller, Integer> expected) {
    }

    static String product;
    static String product2;
    static String orderOfA;
    /** Merchant A's objects: a published product, a draft to delete, and a parcel of a cash-on-delivery order. */
    static String productOfMerchant;
    static String draftOfMerchant;
    static String shippedByMerchant;
    static String importOfMerchant;
    static String uploadOfMerchant;
    static String toBecomeMerchant;
    static final Map<Caller, String> TOKENS = new LinkedHashMap<>();

    @BeforeAll
    static void setUp() {
        product = Api.productWithPlentyOfStock();
        List<String> ids = new ArrayList<>();
        Api.call("GET", "/api/products?limit=50&sort=price_desc", null, null).json().get("items")
                .forEach(i -> ids.add(i.get("id").asText()));
        product2 = ids.stream().filter(id -> !id.equals(product)).findFirst().orElseThrow();
        TOKENS.put(Caller.ANONYMOUS, null);
        TOKENS.put(Caller.CUSTOMER_A, Api.customerA());
        TOKENS.put(Caller.CUSTOMER_B, Api.customerB());
        TOKENS.put(Caller.MERCHANT, Api.demo("merchant"));
        TOKENS.put(Caller.MERCHANT_B, Api.demo("merchant2"));
        TOKENS.put(Caller.ADMIN, Api.demo("admin"));
        TOKENS.put(Caller.AGENT, Api.demo("agent"));
        TOKENS.put(Caller.MARKETING, Api.demo("marketing"));
        var placed = Api.call("POST", "/api/orders", TOKENS.get(Caller.CUSTOMER_A), Api.orderBody(product, 1),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        orderOfA = placed.json().get("orderId").asText();
        String merchant = TOKENS.get(Caller.MERCHANT);
        productOfMerchant = Api.call("POST", "/api/merchant/products", merchant, BackOfficeTest.productBody(
                "MX-" + UUID.randomUUID().toString().substring(0, 8), "Matrix Cup", 800, "ACTIVE")).json().get("id").asText();
        draftOfMerchant = Api.call("POST", "/api/merchant/products", merchant, BackOfficeTest.productBody(
                "MX-" + UUID.randomUUID().toString().substring(0, 8), "Matrix Draft", 800, null)).json().get("id").asText();
        var uploaded = ImportTest.upload(merchant, "sku,name,price,category\r\nMX-" + UUID.randomUUID().toString().substring(0, 8)
                + ",Matrix Jar,4.50,nowhere\r\n", false);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        importOfMerchant = uploaded.json().get("id").asText();
        uploadOfMerchant = ImagesTest.start(merchant, productOfMerchant, "image/webp").json().get("uploadId").asText();
        toBecomeMerchant = "matrix-merchant-" + UUID.randomUUID() + "@example.com";
        shippedByMerchant = PaymentsTest.placeOrder(TOKENS.get(Caller.CUSTOMER_A), product, 1);
        assertThat(PaymentsTest.pay(TOKENS.get(Caller.CUSTOMER_A), shippedByMerchant, "cod", UUID.randomUUID().toString())
                .status()).isIn(200, 201);
    }

    /** A back-office route: merchant A gets {@code own} on A's object, merchant B {@code other} (404: not B's), the rest 403. */
    private static Map<Caller, Integer> merchants(int own, int other) {
        Map<Caller, Integer> m = signedIn(403);
        m.put(Caller.MERCHANT, own);
        m.put(Caller.MERCHANT_B, other);
        return m;
    }

    private static Map<Caller, Integer> all(int status) {
        Map<Caller, Integer> m = new LinkedHashMap<>();
        for (Caller c : Caller.values()) {
            m.put(c, status);
        }
        return m;
    }

    private static Map<Caller, Integer> signedIn(int status) {
        Map<Caller, Integer> m = all(status);
        m.put(Caller.ANONYMOUS, 401);
        return m;
    }

    private static Map<Caller, Integer> agentsOnly(int agentStatus) {
        Map<Caller, Integer> m = signedIn(403);
        m.put(Caller.AGENT, agentStatus);
        return m;
    }

    private static Map<Caller, Integer> adminOnly(int adminStatus) {
        Map<Caller, Integer> m = signedIn(403);
        m.put(Caller.ADMIN, adminStatus);
        return m;
    }

    /** Marketing's insights: marketing and admins read them, everyone else signed in is refused. */
    private static Map<Caller, Integer> marketingAndAdmins(int status) {
        Map<Caller, Integer> m = signedIn(403);
        m.put(Caller.MARKETING, status);
        m.put(Caller.ADMIN, status);
        return m;
    }

    private static Map<Caller, Integer> ownerOnly() {
        return ownerOnly(200);
    }

    private static Map<Caller, Integer> ownerOnly(int ownerStatus) {
        Map<Caller, Integer> m = signedIn(404);
        m.put(Caller.CUSTOMER_A, ownerStatus);
        return m;
    }

    static List<Row> rows() {
        String cartLine = "{\"productId\":\"" + product2 + "\",\"quantity\":1}";
        Map<Caller, Integer> patch = all(200);
        patch.put(Caller.ANONYMOUS, 404);   // a visitor without a cart has no line to change
        return List.of(
                new Row("GET", "/api/products", c -> "/api/products?q=bamboo", c -> null, all(200)),
                new Row("GET", "/api/products/{id}", c -> "/api/products/" + product, c -> null, all(200)),
                new Row("GET", "/api/categories", c -> "/api/categories", c -> null, all(200)),
                new Row("GET", "/api/brands", c -> "/api/brands", c -> null, all(200)),
                new Row("PUT", "/api/cart", c -> "/api/cart", c -> "{\"lines\":[" + cartLine + "]}", all(200)),
                new Row("POST", "/api/cart/items", c -> "/api/cart/items", c -> cartLine, all(200)),
                new Row("PATCH", "/api/cart/items/{productId}", c -> "/api/cart/items/" + product2, c -> "{\"quantity\":3}", patch),
                new Row("GET", "/api/cart", c -> "/api/cart", c -> null, all(200)),
                new Row("DELETE", "/api/cart/items/{productId}", c -> "/api/cart/items/" + product2, c -> null, all(200)),
                new Row("POST", "/api/cart/merge", c -> "/api/cart/merge", c -> null, signedIn(200)),
                new Row("PUT", "/api/wishlist/{productId}", c -> "/api/wishlist/" + product2, c -> null, signedIn(200)),
                new Row("GET", "/api/wishlist", c -> "/api/wishlist", c -> null, signedIn(200)),
                new Row("POST", "/api/wishlist/{productId}/move-to-cart", c -> "/api/wishlist/" + product2 + "/move-to-cart", c -> null, signedIn(200)),
                new Row("DELETE", "/api/wishlist/{productId}", c -> "/api/wishlist/" + product2, c -> null, signedIn(200)),
                new Row("POST", "/api/orders", c -> "/api/orders", c -> Api.orderBody(product, 1), signedIn(201)),
                new Row("GET", "/api/orders", c -> "/api/orders", c -> null, signedIn(200)),
                new Row("GET", "/api/orders/{id}", c -> "/api/orders/" + orderOfA, c -> null, ownerOnly()),
                new Row("POST", "/api/orders/{id}/payments", c -> "/api/orders/" + orderOfA + "/payments",
                        c -> "{\"provider\":\"stripe\"}", ownerOnly(201)),
                new Row("POST", "/api/orders/{id}/cancel", c -> "/api/orders/" + orderOfA + "/cancel", c -> null, ownerOnly()),
                new Row("POST", "/api/admin/orders/{id}/refund", c -> "/api/admin/orders/" + orderOfA + "/refund",
                        c -> "{\"reason\":\"matrix probe\"}", adminOnly(409)),   // admins only; an unpaid order has nothing to refund
                // Stripe calls it unsigned by any token: whoever calls without Stripe's signature gets a 400
                new Row("POST", "/api/webhooks/stripe", c -> "/api/webhooks/stripe", c -> "{\"id\":\"evt_1\"}", all(400)),
                new Row("GET", "/api/insights/search-terms", c -> "/api/insights/search-terms", c -> null, marketingAndAdmins(200)),
                new Row("GET", "/api/insights/zero-results", c -> "/api/insights/zero-results?interval=day", c -> null,
                        marketingAndAdmins(200)),
                new Row("GET", "/api/insights/top-viewed", c -> "/api/insights/top-viewed", c -> null, marketingAndAdmins(200)),
                new Row("GET", "/api/insights/filters", c -> "/api/insights/filters", c -> null, marketingAndAdmins(200)),
                new Row("GET", "/api/insights/funnel", c -> "/api/insights/funnel?from=2026-01-01", c -> null,
                        marketingAndAdmins(200)),
                new Row("GET", "/api/merchant/products", c -> "/api/merchant/products", c -> null, merchants(200, 200)),
                new Row("POST", "/api/merchant/products", c -> "/api/merchant/products",
                        c -> BackOfficeTest.productBody("MX-" + UUID.randomUUID().toString().substring(0, 8), "Matrix Mug", 900, null),
                        merchants(201, 201)),
                new Row("GET", "/api/merchant/products/{id}", c -> "/api/merchant/products/" + productOfMerchant, c -> null,
                        merchants(200, 404)),
                new Row("PATCH", "/api/merchant/products/{id}", c -> "/api/merchant/products/" + productOfMerchant,
                        c -> "{\"priceMinor\":850}", merchants(200, 404)),
                new Row("DELETE", "/api/merchant/products/{id}", c -> "/api/merchant/products/" + draftOfMerchant, c -> null,
                        merchants(204, 404)),
                new Row("POST", "/api/merchant/products/{id}/stock", c -> "/api/merchant/products/" + productOfMerchant + "/stock",
                        c -> "{\"delta\":1,\"reason\":\"restock\"}", merchants(200, 404)),
                new Row("GET", "/api/merchant/products/{id}/stock", c -> "/api/merchant/products/" + productOfMerchant + "/stock",
                        c -> null, merchants(200, 404)),
                new Row("POST", "/api/merchant/products/{id}/images", c -> "/api/merchant/products/" + productOfMerchant + "/images",
                        c -> "{\"contentType\":\"image/jpeg\"}", merchants(201, 404)),
                new Row("GET", "/api/merchant/products/{id}/images/{uploadId}", c -> "/api/merchant/products/" + productOfMerchant
                        + "/images/" + uploadOfMerchant, c -> null, merchants(200, 404)),
                new Row("PUT", "/api/merchant/products/{id}/images", c -> "/api/merchant/products/" + productOfMerchant + "/images",
                        c -> "{\"images\":[]}", merchants(200, 404)),
                new Row("GET", "/api/merchant/shipments", c -> "/api/merchant/shipments?status=PENDING", c -> null, merchants(200, 200)),
                new Row("PATCH", "/api/merchant/shipments/{orderId}", c -> "/api/merchant/shipments/" + shippedByMerchant,
                        c -> "{\"status\":\"PACKED\"}", merchants(200, 404)),
                new Row("GET", "/api/merchant/dashboard", c -> "/api/merchant/dashboard", c -> null, merchants(200, 200)),
                new Row("POST", "/api/merchant/imports", c -> "/api/merchant/imports", c -> null, merchants(400, 400)),   // no file sent
                new Row("GET", "/api/merchant/imports/{id}", c -> "/api/merchant/imports/" + importOfMerchant, c -> null,
                        merchants(200, 404)),
                new Row("POST", "/api/merchant/imports/{id}/run", c -> "/api/merchant/imports/" + importOfMerchant + "/run", c -> null,
                        merchants(409, 404)),   // its only row is invalid: nothing to run
                new Row("GET", "/api/merchant/imports/{id}/errors", c -> "/api/merchant/imports/" + importOfMerchant + "/errors",
                        c -> null, merchants(200, 404)),
                new Row("GET", "/api/merchant/import-template", c -> "/api/merchant/import-template", c -> null, merchants(200, 200)),
                new Row("GET", "/api/agent/customers", c -> "/api/agent/customers?email=customer%40verdant.local", c -> null,
                        agentsOnly(200)),
                new Row("POST", "/api/agent/orders", c -> "/api/agent/orders", c -> "{\"customer\":{\"name\":\"Matrix Caller\","
                        + "\"email\":\"customer-b@verdant.local\"}," + Api.orderBody(product, 1).substring(1), agentsOnly(201)),
                new Row("GET", "/api/admin/merchants", c -> "/api/admin/merchants", c -> null, adminOnly(200)),
                // a merchant not on the table: admins reach the handler (404), nobody else does
                new Row("POST", "/api/admin/merchants/{merchantId}/suspension", c -> "/api/admin/merchants/merchant-matrix-000000/suspension",
                        c -> "{\"reason\":\"matrix probe\"}", adminOnly(404)),
                new Row("DELETE", "/api/admin/merchants/{merchantId}/suspension",
                        c -> "/api/admin/merchants/merchant-matrix-000000/suspension", c -> null, adminOnly(404)),
                new Row("GET", "/api/admin/orders", c -> "/api/admin/orders?status=PAID&limit=5", c -> null, adminOnly(200)),
                new Row("GET", "/api/admin/orders/{orderId}", c -> "/api/admin/orders/" + java.util.UUID.randomUUID(), c -> null,
                        adminOnly(404)),
                new Row("GET", "/api/admin/categories", c -> "/api/admin/categories", c -> null, adminOnly(200)),
                // admins reach each handler: a name too short, a category that is not there
                new Row("POST", "/api/admin/categories", c -> "/api/admin/categories", c -> "{\"name\":\"x\"}", adminOnly(400)),
                new Row("PATCH", "/api/admin/categories/{categoryId}", c -> "/api/admin/categories/no-such-category",
                        c -> "{\"name\":\"Matrix Shelf\"}", adminOnly(404)),
                new Row("DELETE", "/api/admin/categories/{categoryId}", c -> "/api/admin/categories/no-such-category", c -> null,
                        adminOnly(404)),
                new Row("GET", "/api/admin/brands", c -> "/api/admin/brands", c -> null, adminOnly(200)),
                new Row("POST", "/api/admin/brands", c -> "/api/admin/brands", c -> "{\"name\":\"x\"}", adminOnly(400)),
                new Row("PATCH", "/api/admin/brands/{brandId}", c -> "/api/admin/brands/no-such-brand", c -> "{\"retired\":true}",
                        adminOnly(404)),
                new Row("POST", "/api/admin/products/{productId}/moderation", c -> "/api/admin/products/no-such-product/moderation",
                        c -> "{\"reason\":\"matrix probe\"}", adminOnly(404)),
                new Row("GET", "/api/admin/audit", c -> "/api/admin/audit?entity=order", c -> null, adminOnly(200)),
                new Row("POST", "/api/admin/merchants", c -> "/api/admin/merchants", c -> "{\"email\":\"" + toBecomeMerchant
                        + "\",\"displayName\":\"Matrix Goods\"}", adminOnly(201)),
                // a refused role changes nothing for anyone; the grant itself is StaffSignInTest's
                new Row("POST", "/api/admin/staff", c -> "/api/admin/staff", c -> "{\"email\":\"" + toBecomeMerchant
                        + "\",\"name\":\"Matrix Person\",\"role\":\"merchant\"}", adminOnly(400)),
                new Row("GET", "/api/admin/staff", c -> "/api/admin/staff", c -> null, adminOnly(200)),
                new Row("DELETE", "/api/admin/staff/{username}/roles/{role}", c -> "/api/admin/staff/no-such-member/roles/agent",
                        c -> null, adminOnly(404)));
    }

    @Test
    void everyRouteOfTheContractHasARow() {
        Set<String> declared = Contract.ROUTES.stream().map(r -> r.method() + " " + r.path())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> tested = rows().stream().map(r -> r.method() + " " + r.routePath())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        assertThat(tested).containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    void everyCallerGetsTheExpectedStatusOnEveryRoute() {
        List<String> mismatches = new ArrayList<>();
        // Customer A goes last, so the owner-only rows (cancel) do not change what the others see.
        List<Caller> order = List.of(Caller.ANONYMOUS, Caller.CUSTOMER_B, Caller.MERCHANT_B, Caller.MERCHANT, Caller.ADMIN,
                Caller.AGENT, Caller.MARKETING, Caller.CUSTOMER_A);
        for (Caller caller : order) {
            String token = TOKENS.get(caller);
            for (Row row : rows()) {
                Map<String, String> headers = new LinkedHashMap<>();
                if (row.method().equals("POST") && (row.routePath().endsWith("/orders") || row.routePath().endsWith("/payments")
                        || row.routePath().endsWith("/refund"))) {
                    headers.put("Idempotency-Key", UUID.randomUUID().toString());
                }
                if (row.routePath().startsWith("/api/merchant/products/{id}") && !row.method().equals("GET")) {
                    headers.put("If-Match", "*");
                }
                if (row.routePath().equals("/api/cart/merge") && token != null) {
                    var visitor = Api.call("POST", "/api/cart/items", null, "{\"productId\":\"" + product + "\",\"quantity\":1}");
                    headers.put("X-Cart-Token", visitor.json().get("cartToken").asText());
                }
                var r = Api.call(row.method(), row.path().apply(caller), token, row.body().apply(caller), headers);
                int expected = row.expected().get(caller);
                if (r.status() != expected) {
                    mismatches.add(caller + " " + row.method() + " " + row.routePath() + ": expected " + expected
                            + " got " + r.status() + " " + r.body());
                }
                if (r.status() >= 400) {
                    assertThat(r.header("content-type")).as(caller + " " + row.routePath() + " " + r.status()).isEqualTo("application/problem+json");
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void anotherCustomersOrderAnswers404AndLeaksNothing() {
        var mine = Api.call("GET", "/api/orders/" + orderOfA, TOKENS.get(Caller.CUSTOMER_A), null);
        var theirs = Api.call("GET", "/api/orders/" + orderOfA, TOKENS.get(Caller.CUSTOMER_B), null);
        var unknown = Api.call("GET", "/api/orders/" + UUID.randomUUID(), TOKENS.get(Caller.CUSTOMER_B), null);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(theirs.status()).isEqualTo(404);
        // indistinguishable from an order that does not exist, apart from the request id
        assertThat(theirs.json().get("detail")).isEqualTo(unknown.json().get("detail"));
        assertThat(theirs.body()).doesNotContain("Ann Example", "Green Lane", mine.json().get("lines").get(0).get("sku").asText());
        var list = Api.call("GET", "/api/orders", TOKENS.get(Caller.CUSTOMER_B), null);
        assertThat(list.body()).doesNotContain(orderOfA);
        var cancel = Api.call("POST", "/api/orders/" + orderOfA + "/cancel", TOKENS.get(Caller.CUSTOMER_B), null);
        assertThat(cancel.status()).isEqualTo(404);
        assertThat(Api.call("GET", "/api/orders/" + orderOfA, TOKENS.get(Caller.CUSTOMER_A), null).json().get("status").asText())
                .isIn("PENDING_PAYMENT", "CANCELLED");
    }

    @Test
    void aVisitorsCartIsReachableOnlyWithItsToken() {
        var created = Api.call("POST", "/api/cart/items", null, "{\"productId\":\"" + product + "\",\"quantity\":2}");
        String token = created.json().get("cartToken").asText();
        assertThat(Api.call("GET", "/api/cart", null, null, Map.of("X-Cart-Token", token)).json().get("itemCount").asInt()).isEqualTo(2);
        assertThat(Api.call("GET", "/api/cart", null, null).json().get("itemCount").asInt()).isZero();
        // a signed-in customer sees their own cart, never the visitor cart whose token they send
        String own = Api.call("GET", "/api/cart", TOKENS.get(Caller.CUSTOMER_B), null).body();
        String withToken = Api.call("GET", "/api/cart", TOKENS.get(Caller.CUSTOMER_B), null, Map.of("X-Cart-Token", token)).body();
        assertThat(withToken).isEqualTo(own).doesNotContain(token);
    }
}

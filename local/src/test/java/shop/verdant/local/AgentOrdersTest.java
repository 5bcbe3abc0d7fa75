package shop.verdant.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The call centre through the local gateway with real tokens and cognito-local: finding a caller, a phone order for an
 * existing customer and for a new one (signed up without a password), each cash on delivery, in the customer's own
 * history, once per Idempotency-Key, with the stock rules of any order; bad details named, nothing placed.
 */
class AgentOrdersTest {
    static String agent;
    static String customer;

    @BeforeAll
    static void signIn() {
        agent = Api.demo("agent");
        customer = Api.customerA();
    }

    static String shipTo() {
        return "\"shipTo\":{\"name\":\"Ann Example\",\"line1\":\"1 Green Lane\",\"city\":\"Utrecht\",\"postcode\":\"3511 AB\",\"country\":\"NL\"}";
    }

    static Api.Response phoneOrder(String key, String customerJson, String productId, int quantity) {
        return Api.call("POST", "/api/agent/orders", agent, "{\"customer\":" + customerJson + ",\"lines\":[{\"productId\":\""
                + productId + "\",\"quantity\":" + quantity + "}]," + shipTo() + "}", Map.of("Idempotency-Key", key));
    }

    @Test
    void anAgentFindsTheCallerByEmailOrPhone_andIsToldWhatASearchNeeds() {
        Api.Response found = Api.call("GET", "/api/agent/customers?email=Customer%40Verdant.local", agent, null);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json().get("items")).hasSize(1);
        assertThat(found.json().at("/items/0/email").asText()).isEqualTo("customer@verdant.local");
        assertThat(found.json().at("/items/0/customerId").asText()).isNotBlank();
        assertThat(found.body()).doesNotContain("password", "card");
        assertThat(Api.call("GET", "/api/agent/customers?phone=%2B31%20999%2000%2000%2000", agent, null).json().get("items")).isEmpty();
        Api.Response neither = Api.call("GET", "/api/agent/customers", agent, null);
        assertThat(neither.status()).isEqualTo(400);
        Api.Response both = Api.call("GET", "/api/agent/customers?email=a%40b.nl&phone=%2B31612345678", agent, null);
        assertThat(both.status()).isEqualTo(400);
        Api.Response badPhone = Api.call("GET", "/api/agent/customers?phone=call-me", agent, null);
        assertThat(badPhone.json().at("/errors/0/field").asText()).isEqualTo("phone");
        assertThat(Api.call("GET", "/api/agent/customers?email=customer%40verdant.local", customer, null).status())
                .as("customers cannot look others up").isEqualTo(403);
    }

    @Test
    void aPhoneOrderForAnExistingCustomerIsCashOnDelivery_inTheirHistory_onceAndLeavesTheirCartAlone() {
        String customerId = Api.call("GET", "/api/agent/customers?email=customer%40verdant.local", agent, null).json()
                .at("/items/0/customerId").asText();
        String product = Api.productWithPlentyOfStock();
        Api.call("PUT", "/api/cart", customer, "{\"lines\":[{\"productId\":\"" + product + "\",\"quantity\":2}]}");
        String key = "phone-" + UUID.randomUUID();
        Api.Response placed = phoneOrder(key, "{\"customerId\":\"" + customerId + "\"}", product, 1);
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        JsonNode order = placed.json();
        assertThat(order.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(order.get("payment").asText()).isEqualTo("cod");
        assertThat(order.get("signedUp").asBoolean()).isFalse();
        assertThat(order.get("readBack").asText()).contains("cash on delivery", "1 x ", "Ann Example");
        String orderId = order.get("orderId").asText();
        assertThat(order.get("readBack").asText()).as("the order as the customer's pages name it")
                .contains("order " + orderId.substring(orderId.length() - 8).toUpperCase(java.util.Locale.ROOT) + ":");

        Api.Response again = phoneOrder(key, "{\"customerId\":\"" + customerId + "\"}", product, 1);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("idempotent-replayed")).isEqualTo("true");
        assertThat(again.json().get("orderId").asText()).isEqualTo(orderId);

        JsonNode mine = Api.call("GET", "/api/orders/" + orderId, customer, null).json();
        assertThat(mine.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(mine.get("placedBy").asText()).isEqualTo("phone");
        long inHistory = 0;
        for (JsonNode o : Api.call("GET", "/api/orders?limit=50", customer, null).json().get("items")) {
            inHistory += o.get("orderId").asText().equals(orderId) ? 1 : 0;
        }
        assertThat(inHistory).as("once in the customer's history").isEqualTo(1);
        assertThat(Api.call("GET", "/api/cart", customer, null).json().get("itemCount").asInt()).as("the web cart is the customer's")
                .isEqualTo(2);
        // another customer sees nothing of it
        assertThat(Api.call("GET", "/api/orders/" + orderId, Api.customerB(), null).status()).isEqualTo(404);
    }

    @Test
    void aNewCallerIsSignedUpOnce_andTheirNextOrderFindsTheAccount() {
        String email = "caller-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String product = Api.productWithPlentyOfStock();
        String caller = "{\"name\":\"Bea Caller\",\"email\":\"" + email + "\",\"phone\":\"+31 (6) 1234-5678\"}";
        Api.Response first = phoneOrder("phone-" + UUID.randomUUID(), caller, product, 1);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("signedUp").asBoolean()).isTrue();
        String customerId = first.json().at("/customer/customerId").asText();
        assertThat(first.json().at("/customer/phone").asText()).isEqualTo("+31612345678");
        Api.Response found = Api.call("GET", "/api/agent/customers?phone=%2B31612345678", agent, null);
        assertThat(found.json().get("items")).anySatisfy(c -> assertThat(c.get("customerId").asText()).isEqualTo(customerId));

        Api.Response second = phoneOrder("phone-" + UUID.randomUUID(), caller, product, 1);
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.json().get("signedUp").asBoolean()).as("no second account").isFalse();
        assertThat(second.json().at("/customer/customerId").asText()).isEqualTo(customerId);
        assertThat(Api.call("GET", "/api/agent/customers?email=" + email.replace("@", "%40"), agent, null).json().get("items"))
                .hasSize(1);

        // the caller claims the account with "forgot password" (a code to their email), signs in, and finds both orders
        LocalShop shop = TestShop.get();
        String password = "Claimed-Verdant-2026!";
        try (var cognito = software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient.builder()
                .endpointOverride(java.net.URI.create(shop.cognitoEndpoint()))
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .credentialsProvider(software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider.create()).build()) {
            cognito.forgotPassword(b -> b.clientId(shop.userPool().clientId()).username(email));
            String code = Api.call("GET", "/local/mailbox?email=" + email.replace("@", "%40"), null, null).json().at("/codes/0").asText();
            assertThat(code).as("the code is in the local mailbox").isNotBlank();
            cognito.confirmForgotPassword(b -> b.clientId(shop.userPool().clientId()).username(email).confirmationCode(code)
                    .password(password));
        }
        String claimed = Api.token(email, password);
        JsonNode history = Api.call("GET", "/api/orders", claimed, null).json().get("items");
        assertThat(history).extracting(o -> o.get("orderId").asText())
                .contains(first.json().get("orderId").asText(), second.json().get("orderId").asText());
        assertThat(history).allSatisfy(o -> assertThat(o.get("placedBy").asText()).isEqualTo("phone"));
    }

    @Test
    void badDetailsAndShortStockPlaceNothing() {
        String product = Api.productWithPlentyOfStock();
        Api.Response bad = phoneOrder("phone-" + UUID.randomUUID(), "{\"name\":\"B\",\"email\":\"not-an-email\",\"phone\":\"12\"}",
                product, 1);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsText("field")).contains("customer.name", "customer.email", "customer.phone");
        Api.Response unknown = phoneOrder("phone-" + UUID.randomUUID(), "{\"customerId\":\"" + UUID.randomUUID() + "\"}", product, 1);
        assertThat(unknown.status()).isEqualTo(404);
        Api.Response noKey = Api.call("POST", "/api/agent/orders", agent, "{\"customer\":{\"customerId\":\"x\"},\"lines\":[]}");
        assertThat(noKey.status()).isEqualTo(400);
        String email = "short-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Api.Response tooMany = phoneOrder("phone-" + UUID.randomUUID(), "{\"name\":\"Cy Caller\",\"email\":\"" + email + "\"}", product, 11);
        assertThat(tooMany.status()).as("at most 10 of a product").isEqualTo(400);
        assertThat(Api.call("GET", "/api/agent/customers?email=" + email.replace("@", "%40"), agent, null).json().get("items"))
                .as("nobody signed up for an order refused").isEmpty();
    }
}

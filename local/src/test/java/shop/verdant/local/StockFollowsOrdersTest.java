package shop.verdant.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Orders move stock in DynamoDB; the Products stream (polled like Lambda's event source) carries it to the
 * product page cache and the search snapshot, so shoppers see a sold-out product as sold out.
 */
class StockFollowsOrdersTest {

    private static JsonNode product(String id) {
        return Api.call("GET", "/api/products/" + id, null, null).json();
    }

    private static boolean inSearchAsInStock(String id, String name) {
        JsonNode items = Api.call("GET", "/api/products?limit=100&q=" + java.net.URLEncoder.encode(name,
                java.nio.charset.StandardCharsets.UTF_8), null, null).json().get("items");
        for (JsonNode i : items) {
            if (i.get("id").asText().equals(id)) {
                return i.get("inStock").asBoolean();
            }
        }
        throw new AssertionError("not found by its name: " + name);
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as(what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void buyingTheLastUnitsShowsSoldOut_andCancellingBringsThemBack() throws Exception {
        // a product with a few units left, read live through a visitor cart
        String id = null;
        long left = 0;
        for (JsonNode item : Api.call("GET", "/api/products?limit=100&sort=name", null, null).json().get("items")) {
            JsonNode onlyLeft = product(item.get("id").asText()).at("/stock/onlyLeft");
            if (!onlyLeft.isMissingNode() && !onlyLeft.isNull() && onlyLeft.asLong() <= 5) {
                id = item.get("id").asText();
                break;
            }
        }
        assertThat(id).as("the demo catalog has products with 5 or fewer left").isNotNull();
        var probe = Api.call("POST", "/api/cart/items", null, "{\"productId\":\"" + id + "\",\"quantity\":1}").json();
        left = probe.at("/lines/0/available").asLong();
        String name = product(id).get("name").asText();
        assertThat(inSearchAsInStock(id, name)).isTrue();

        String token = Api.customerB();
        var order = Api.call("POST", "/api/orders", token, Api.orderBody(id, (int) left),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(order.status()).as(order.body()).isEqualTo(201);

        final String productId = id;
        await("product page shows sold out", () -> !product(productId).at("/stock/inStock").asBoolean());
        await("search shows sold out", () -> !inSearchAsInStock(productId, name));

        var cancelled = Api.call("POST", "/api/orders/" + order.json().get("orderId").asText() + "/cancel", token, null);
        assertThat(cancelled.status()).isEqualTo(200);
        final long expected = left;
        await("product page shows the units back", () -> product(productId).at("/stock/onlyLeft").asLong() == expected);
        await("search shows it in stock", () -> inSearchAsInStock(productId, name));
    }
}

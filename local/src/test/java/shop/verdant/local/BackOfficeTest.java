package shop.verdant.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.verdant.adapter.dynamodb.DynamoDb;
import shop.verdant.contract.Tables;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The merchant back office through the local gateway with real tokens: a product's life from draft to search and
 * out of it, If-Match, stock adjustments with their movements, shipments up to delivery (which pays a cash-on-delivery
 * order), and the dashboard against a brute-force recomputation from the Orders table. Merchant B is the second
 * demo merchant; nothing of A's answers B.
 */
class BackOfficeTest {
    static String merchantA;
    static String merchantB;
    private static String category;

    @BeforeAll
    static void signIn() {
        merchantA = Api.demo("merchant");
        merchantB = Api.demo("merchant2");
    }

    /** A category of the demo catalog (one a product is in), for the products the tests create. */
    static synchronized String category() {
        if (category == null) {
            category = Api.call("GET", "/api/products/" + Api.productWithPlentyOfStock(), null, null).json().at("/category/id").asText();
        }
        return category;
    }

    static String productBody(String sku, String name, long price, String status) {
        return "{\"sku\":\"" + sku + "\",\"name\":\"" + name + "\",\"description\":\"Made to last, from plants.\","
                + "\"priceMinor\":" + price + ",\"currency\":\"EUR\",\"categoryId\":\"" + category() + "\",\"colour\":\"green\","
                + "\"attributes\":{\"material\":\"bamboo\"}" + (status == null ? "" : ",\"status\":\"" + status + "\"") + "}";
    }

    static Api.Response create(String token, String sku, String name, long price, String status) {
        return Api.call("POST", "/api/merchant/products", token, productBody(sku, name, price, status));
    }

    static Api.Response patch(String token, String id, String etag, String body) {
        return Api.call("PATCH", "/api/merchant/products/" + id, token, body, etag == null ? Map.of() : Map.of("If-Match", etag));
    }

    static Api.Response stock(String token, String id, String body) {
        return Api.call("POST", "/api/merchant/products/" + id + "/stock", token, body);
    }

    static boolean searchable(String word, String id) {
        for (JsonNode item : Api.call("GET", "/api/products?q=" + word, null, null).json().get("items")) {
            if (item.get("id").asText().equals(id)) {
                return true;
            }
        }
        return false;
    }

    /** Milliseconds until search agrees with {@code wanted}, polling every 50 ms for at most 10 s. */
    static long untilSearch(String word, String id, boolean wanted) throws InterruptedException {
        long start = System.nanoTime();
        while (searchable(word, id) != wanted) {
            assertThat(System.nanoTime() - start).as("search follows within 10 s").isLessThan(10_000_000_000L);
            Thread.sleep(50);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aProductGoesFromDraftToSearchAndOut_guardedByIfMatch() throws Exception {
        String word = "zq" + unique().replaceAll("[^a-z]", "x");
        Api.Response created = create(merchantA, "BO-" + unique(), "Bamboo Cup " + word, 1450, null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        String etag = created.header("etag");
        assertThat(etag).isEqualTo("\"r1\"");
        assertThat(created.header("location")).isEqualTo("/api/merchant/products/" + id);
        assertThat(created.json().get("status").asText()).isEqualTo("DRAFT");
        assertThat(created.json().at("/seo/slug").asText()).isEqualTo("bamboo-cup-" + word);
        assertThat(Api.call("GET", "/api/merchant/products/" + id, merchantA, null).json().get("name").asText()).endsWith(word);
        assertThat(searchable(word, id)).as("a draft is not in the shop").isFalse();

        // no If-Match is 428, a stale one 412; neither changes anything
        Api.Response blind = patch(merchantA, id, null, "{\"priceMinor\":999}");
        assertThat(blind.status()).isEqualTo(428);
        Api.Response published = patch(merchantA, id, etag, "{\"status\":\"ACTIVE\"}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        String etag2 = published.header("etag");
        assertThat(etag2).isEqualTo("\"r2\"");
        Api.Response stale = patch(merchantA, id, etag, "{\"priceMinor\":999}");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("etag")).isEqualTo(etag2);
        assertThat(stale.json().get("type").asText()).endsWith("precondition-failed");
        assertThat(Api.call("GET", "/api/merchant/products/" + id, merchantA, null).json().get("priceMinor").asLong()).isEqualTo(1450);

        long toSearch = untilSearch(word, id, true);
        System.out.println("published → searchable in " + toSearch + " ms");
        assertThat(toSearch).as("published products are searchable within about a second").isLessThan(2_000);
        // an order reserving stock meanwhile does not void the merchant's tag: only listing changes move it
        assertThat(stock(merchantA, id, "{\"delta\":5,\"reason\":\"restock\"}").status()).isEqualTo(200);
        Api.Response repriced = patch(merchantA, id, etag2, "{\"priceMinor\":1299,\"seoTitle\":\"Bamboo cup\"}");
        assertThat(repriced.status()).as(repriced.body()).isEqualTo(200);
        assertThat(repriced.json().at("/stock/available").asLong()).as("a listing change leaves stock alone").isEqualTo(5);
        assertThat(Api.call("GET", "/api/products/" + id, null, null).json().at("/price/amount").asLong()).isEqualTo(1299);

        Api.Response back = patch(merchantA, id, repriced.header("etag"), "{\"status\":\"DRAFT\"}");
        assertThat(back.status()).as("published products never go back to draft").isEqualTo(422);
        Api.Response archived = Api.call("DELETE", "/api/merchant/products/" + id, merchantA, null,
                Map.of("If-Match", repriced.header("etag")));
        assertThat(archived.status()).as(archived.body()).isEqualTo(200);
        assertThat(archived.json().get("status").asText()).isEqualTo("ARCHIVED");
        long fromSearch = untilSearch(word, id, false);
        System.out.println("archived → gone from search in " + fromSearch + " ms");
        assertThat(fromSearch).isLessThan(2_000);
    }

    /** The merchant's products as the table holds them (its index, counted). */
    static int productsOf(String merchant) {
        return DynamoDb.client().queryPaginator(b -> b.tableName(Tables.PRODUCTS.logicalName()).indexName("byMerchant")
                .keyConditionExpression("merchantId = :m").expressionAttributeValues(Map.of(":m", AttributeValue.fromS(merchant)))
                .select("COUNT")).stream().mapToInt(page -> page.count()).sum();
    }

    @Test
    void badInputNamesEveryFieldAndWritesNothing() {
        int before = productsOf("merchant-greenleaf");
        Api.Response bad = Api.call("POST", "/api/merchant/products", merchantA,
                "{\"sku\":\"no spaces\",\"name\":\"x\",\"priceMinor\":0,\"currency\":\"USD\",\"categoryId\":\"nowhere\","
                        + "\"attributes\":{\"flavour\":\"mint\"}}");
        assertThat(bad.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        bad.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("sku", "name", "priceMinor", "currency", "categoryId", "attributes.flavour");
        Api.Response foreign = Api.call("POST", "/api/merchant/products", merchantA,
                productBody("BO-" + unique(), "Sneaky Cup", 100, null).replace("{\"sku\"", "{\"merchantId\":\"merchant-fernhill\",\"sku\""));
        assertThat(foreign.status()).as("a merchant id in a body is refused").isEqualTo(400);
        assertThat(foreign.body()).contains("merchantId");
        String sku = "BO-" + unique();
        assertThat(create(merchantA, sku, "First Cup", 500, null).status()).isEqualTo(201);
        Api.Response twice = create(merchantA, sku.toLowerCase(), "Second Cup", 500, null);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("type").asText()).endsWith("sku-taken");
        Api.Response nothingToPublish = create(merchantA, "BO-" + unique(), "Silent Cup", 500, "ACTIVE");
        assertThat(nothingToPublish.status()).isEqualTo(201);   // it has a description; one without is refused:
        Api.Response noDescription = Api.call("POST", "/api/merchant/products", merchantA, productBody("BO-" + unique(),
                "Mute Cup", 500, "ACTIVE").replace("Made to last, from plants.", ""));
        assertThat(noDescription.status()).isEqualTo(400);
        assertThat(noDescription.body()).contains("description");
        assertThat(productsOf("merchant-greenleaf")).as("only the two good creates wrote").isEqualTo(before + 2);
    }

    @Test
    void stockMovesOnlyWhatIsAvailable_andEveryMoveIsRecorded() {
        Api.Response created = create(merchantA, "BO-" + unique(), "Linen Bag", 900, "ACTIVE");
        String id = created.json().get("id").asText();
        assertThat(stock(merchantA, id, "{\"delta\":10,\"reason\":\"restock\",\"note\":\"delivery 42\"}").json().get("available").asLong())
                .isEqualTo(10);
        // a customer's pending order holds 2 of them
        assertThat(PaymentsTest.placeOrder(Api.customerB(), id, 2)).isNotBlank();
        Api.Response counted = stock(merchantA, id, "{\"set\":3,\"reason\":\"count\"}");
        assertThat(counted.status()).as(counted.body()).isEqualTo(200);
        assertThat(counted.json().get("available").asLong()).isEqualTo(3);
        assertThat(counted.json().get("reserved").asLong()).as("reservations are never overwritten").isEqualTo(2);
        Api.Response tooMany = stock(merchantA, id, "{\"delta\":-4,\"reason\":\"damaged\"}");
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.json().get("available").asLong()).isEqualTo(3);
        assertThat(stock(merchantA, id, "{\"delta\":-3,\"reason\":\"damaged\"}").json().get("available").asLong()).isZero();
        assertThat(stock(merchantA, id, "{\"delta\":1,\"set\":2,\"reason\":\"oops\"}").status()).isEqualTo(400);

        JsonNode history = Api.call("GET", "/api/merchant/products/" + id + "/stock", merchantA, null).json();
        assertThat(history.get("reserved").asLong()).isEqualTo(2);
        List<String> moves = new ArrayList<>();
        history.get("movements").forEach(m -> moves.add(m.get("reason").asText() + " " + m.get("availableBefore").asLong()
                + "→" + m.get("availableAfter").asLong()));
        assertThat(moves).containsExactly("damaged 3→0", "count 8→3", "restock 0→10");
        assertThat(history.at("/movements/2/note").asText()).isEqualTo("delivery 42");
        assertThat(history.at("/movements/0/actor").asText()).startsWith("merchant:");
        // low stock: the list filtered below a level
        List<String> low = new ArrayList<>();
        Api.call("GET", "/api/merchant/products?stockBelow=1&status=ACTIVE&limit=100", merchantA, null).json().get("items")
                .forEach(i -> low.add(i.get("id").asText()));
        assertThat(low).contains(id);
    }

    @Test
    void anotherMerchantsProductsStockAndShipmentsAnswer404_andChangeNothing() throws Exception {
        Api.Response mine = create(merchantA, "BO-" + unique(), "Private Cup", 700, "ACTIVE");
        String id = mine.json().get("id").asText();
        String etag = mine.header("etag");
        Api.Response missing = Api.call("GET", "/api/merchant/products/" + UUID.randomUUID(), merchantB, null);
        Api.Response theirs = Api.call("GET", "/api/merchant/products/" + id, merchantB, null);
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.json().get("detail").asText()).isEqualTo(missing.json().get("detail").asText()
                .replaceAll("[0-9a-f-]{36}", id));
        assertThat(patch(merchantB, id, etag, "{\"priceMinor\":1}").status()).isEqualTo(404);
        assertThat(Api.call("DELETE", "/api/merchant/products/" + id, merchantB, null, Map.of("If-Match", etag)).status()).isEqualTo(404);
        assertThat(stock(merchantB, id, "{\"delta\":-1,\"reason\":\"damaged\"}").status()).isEqualTo(404);
        assertThat(stock(merchantB, id, "{\"delta\":5,\"reason\":\"restock\"}").status()).isEqualTo(404);
        assertThat(Api.call("GET", "/api/merchant/products/" + id + "/stock", merchantB, null).status()).isEqualTo(404);
        assertThat(Api.call("GET", "/api/merchant/products?limit=100", merchantB, null).body()).doesNotContain(id);
        JsonNode after = Api.call("GET", "/api/merchant/products/" + id, merchantA, null).json();
        assertThat(after.get("priceMinor").asLong()).isEqualTo(700);
        assertThat(after.get("etag").asText()).isEqualTo(etag);
        assertThat(after.at("/stock/available").asLong()).isZero();

        // A's parcel of an order is not B's to see or move
        String customer = Api.customerA();
        String orderId = PaymentsTest.placeOrder(customer, Api.productWithPlentyOfStock(), 1);
        assertThat(PaymentsTest.pay(customer, orderId, "cod", "cod-" + UUID.randomUUID()).status()).isIn(200, 201);
        assertThat(Api.call("PATCH", "/api/merchant/shipments/" + orderId, merchantB, "{\"status\":\"PACKED\"}").status()).isEqualTo(404);
        assertThat(Api.call("GET", "/api/merchant/shipments?limit=100", merchantB, null).body()).doesNotContain(orderId);
        assertThat(PaymentsTest.order(customer, orderId).at("/shipments/0/status").asText()).isEqualTo("PENDING");
    }

    @Test
    void aParcelMovesStepByStep_andItsDeliveryPaysACashOnDeliveryOrder_andTheCustomerHearsOfEachStep() throws Exception {
        String customer = Api.customerA();
        String orderId = PaymentsTest.placeOrder(customer, Api.productWithPlentyOfStock(), 1);
        Api.Response cod = PaymentsTest.pay(customer, orderId, "cod", "cod-" + UUID.randomUUID());
        assertThat(cod.status()).as(cod.body()).isIn(200, 201);
        assertThat(PaymentsTest.order(customer, orderId).get("status").asText()).isEqualTo("CONFIRMED");
        List<String> pending = new ArrayList<>();
        Api.call("GET", "/api/merchant/shipments?status=PENDING&limit=100", merchantA, null).json().get("items")
                .forEach(s -> pending.add(s.get("orderId").asText()));
        assertThat(pending).contains(orderId);

        String path = "/api/merchant/shipments/" + orderId;
        assertThat(Api.call("PATCH", path, merchantA, "{\"status\":\"DELIVERED\"}").status()).as("not before it ships").isEqualTo(422);
        Api.Response noTracking = Api.call("PATCH", path, merchantA, "{\"status\":\"SHIPPED\"}");
        assertThat(noTracking.status()).isEqualTo(400);
        assertThat(noTracking.body()).contains("carrier", "trackingNumber");
        assertThat(Api.call("PATCH", path, merchantA, "{\"status\":\"PACKED\"}").json().get("status").asText()).isEqualTo("PACKED");
        Api.Response shipped = Api.call("PATCH", path, merchantA,
                "{\"status\":\"SHIPPED\",\"carrier\":\"PostNL\",\"trackingNumber\":\"3SABCD1234567\"}");
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(200);
        assertThat(Api.call("PATCH", path, merchantA, "{\"status\":\"PACKED\"}").status()).as("never back").isEqualTo(422);
        assertThat(PaymentsTest.order(customer, orderId).get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(Api.call("PATCH", path, merchantA, "{\"status\":\"DELIVERED\"}").status()).isEqualTo(200);
        // the same step again is answered and changes nothing
        assertThat(Api.call("PATCH", path, merchantA, "{\"status\":\"DELIVERED\"}").status()).isEqualTo(200);

        JsonNode order = PaymentsTest.order(customer, orderId);
        assertThat(order.get("status").asText()).as("cash collected at the door").isEqualTo("PAID");
        assertThat(order.at("/shipments/0/trackingNumber").asText()).isEqualTo("3SABCD1234567");
        assertThat(order.at("/shipments/0/carrier").asText()).isEqualTo("PostNL");
        List<String> timeline = new ArrayList<>();
        order.at("/shipments/0/history").forEach(h -> timeline.add(h.get("status").asText()));
        assertThat(timeline).containsExactly("PENDING", "PACKED", "SHIPPED", "DELIVERED");
        assertThat(order.at("/shipments/0/history/0/actor").isMissingNode()).as("staff stay anonymous to customers").isTrue();

        // and the customer was told each time, once: confirmed, shipped (with the tracking number), delivered. The order's
        // and the parcel's news come from two streams, each in order but not with each other
        List<JsonNode> mails = mailsAbout("customer@verdant.local", orderId, 3);
        assertThat(mails).extracting(m -> m.get("subject").asText()).containsExactlyInAnyOrder(
                "Your Verdant order " + orderId.substring(orderId.length() - 8) + " is confirmed",
                "Your Verdant parcel is on its way (" + orderId.substring(orderId.length() - 8) + ")",
                "Your Verdant parcel was delivered (" + orderId.substring(orderId.length() - 8) + ")");
        JsonNode shippedMail = mails.stream().filter(m -> m.get("subject").asText().contains("on its way")).findFirst().orElseThrow();
        assertThat(shippedMail.get("text").asText()).contains("PostNL", "3SABCD1234567", "?view=order&id=" + orderId);
        assertThat(shippedMail.get("html").asText()).contains("<li>1 × ").contains("3SABCD1234567");
    }

    /** The local mailbox's messages to {@code email} about the order, once there are {@code expected} of them (10 s at most). */
    static List<JsonNode> mailsAbout(String email, String orderId, int expected) throws InterruptedException {
        String tail = orderId.substring(orderId.length() - 8);
        List<JsonNode> found = new ArrayList<>();
        for (long end = System.currentTimeMillis() + 10_000; System.currentTimeMillis() < end; Thread.sleep(100)) {
            found.clear();
            Api.call("GET", "/local/mailbox?email=" + email, null, null).json().get("messages").forEach(m -> {
                if (m.get("subject").asText().contains(tail)) {
                    found.add(m);
                }
            });
            if (found.size() >= expected) {
                break;
            }
        }
        Thread.sleep(300);   // nothing more may come: a notice is sent once
        found.clear();
        Api.call("GET", "/local/mailbox?email=" + email, null, null).json().get("messages").forEach(m -> {
            if (m.get("subject").asText().contains(tail)) {
                found.add(m);
            }
        });
        return found;
    }

    /** What the Orders table says merchant B sold: orders, units, gross and the merchant's share of refunds (exact here). */
    record Brute(long orders, long units, long gross, long refunded) {
    }

    static Brute bruteForce(String merchant) {
        long orders = 0, units = 0, gross = 0, refunded = 0;
        for (Map<String, AttributeValue> item : DynamoDb.client().scanPaginator(b -> b.tableName(Tables.ORDERS.logicalName())).items()) {
            String status = item.get("status").s();
            if (!List.of("PAID", "CONFIRMED", "REFUNDED").contains(status)) {
                continue;
            }
            long mine = 0, myUnits = 0;
            for (AttributeValue line : item.get("lines").l()) {
                if (merchant.equals(line.m().get("merchantId").s())) {
                    mine += Long.parseLong(line.m().get("subtotalMinor").n());
                    myUnits += Long.parseLong(line.m().get("quantity").n());
                }
            }
            if (mine == 0) {
                continue;
            }
            orders++;
            units += myUnits;
            gross += mine;
            long total = Long.parseLong(item.get("totalMinor").n());
            long back = item.containsKey("refundedMinor") ? Long.parseLong(item.get("refundedMinor").n()) : 0;
            BigInteger[] share = BigInteger.valueOf(back).multiply(BigInteger.valueOf(mine)).divideAndRemainder(BigInteger.valueOf(total));
            assertThat(share[1]).as("the test refunds amounts that split exactly").isZero();
            refunded += share[0].longValueExact();
        }
        return new Brute(orders, units, gross, refunded);
    }

    @Test
    void theDashboardEqualsABruteForceRecomputationFromTheOrders_refundsIncluded() throws Exception {
        List<String> ids = new ArrayList<>();
        for (long price : new long[] {1500, 2400}) {
            Api.Response p = create(merchantB, "DASH-" + unique(), "Fern Towel " + unique(), price, "ACTIVE");
            String id = p.json().get("id").asText();
            assertThat(stock(merchantB, id, "{\"delta\":50,\"reason\":\"restock\"}").status()).isEqualTo(200);
            ids.add(id);
        }
        String customer = Api.customerB();
        // two paid by card, one cash on delivery (counted when confirmed), one left unpaid (not a sale)
        List<String> paid = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String orderId = PaymentsTest.placeOrder(customer, ids.get(i), 2 + i);
            Api.Response started = PaymentsTest.pay(customer, orderId, "stripe", "pay-" + UUID.randomUUID());
            assertThat(PaymentsTest.confirm(started.json(), "pm_card_visa").statusCode()).isEqualTo(200);
            paid.add(orderId);
        }
        String codOrder = PaymentsTest.placeOrder(customer, ids.get(0), 1);
        assertThat(PaymentsTest.pay(customer, codOrder, "cod", "cod-" + UUID.randomUUID()).status()).isIn(200, 201);
        PaymentsTest.placeOrder(customer, ids.get(1), 1);
        PaymentsTest.settle();
        // a partial refund that splits exactly between the merchant's lines and the shipping, and a full one
        JsonNode first = PaymentsTest.order(customer, paid.get(0));
        long total = first.at("/total/amount").asLong();
        long mine = first.at("/lines/0/subtotal/amount").asLong();
        long unit = total / BigInteger.valueOf(total).gcd(BigInteger.valueOf(mine)).longValueExact();
        long partial = unit * Math.max(1, total / 3 / unit);
        assertThat(PaymentsTest.refund(paid.get(0), partial, "part-" + UUID.randomUUID()).status()).isEqualTo(200);
        assertThat(PaymentsTest.refund(paid.get(1), null, "full-" + UUID.randomUUID()).status()).isEqualTo(200);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String range = "?from=" + today.minusDays(6) + "&to=" + today;
        Brute expected = bruteForce("merchant-fernhill");
        assertThat(expected.orders()).isGreaterThanOrEqualTo(3);
        JsonNode d = null;
        for (long end = System.currentTimeMillis() + 15_000; System.currentTimeMillis() < end; Thread.sleep(100)) {
            d = Api.call("GET", "/api/merchant/dashboard" + range, merchantB, null).json();
            if (d.get("orders").asLong() == expected.orders() && d.get("refundedMinor").asLong() == expected.refunded()) {
                break;
            }
        }
        assertThat(d.get("orders").asLong()).isEqualTo(expected.orders());
        assertThat(d.get("units").asLong()).isEqualTo(expected.units());
        assertThat(d.get("grossMinor").asLong()).isEqualTo(expected.gross());
        assertThat(d.get("refundedMinor").asLong()).isEqualTo(expected.refunded());
        assertThat(d.get("revenueMinor").asLong()).isEqualTo(expected.gross() - expected.refunded());
        assertThat(d.get("averageOrderValueMinor").asLong())
                .isEqualTo(Math.round((double) (expected.gross() - expected.refunded()) / expected.orders()));
        assertThat(d.get("series")).hasSize(7);
        long seriesRevenue = 0;
        for (JsonNode day : d.get("series")) {
            seriesRevenue += day.get("revenueMinor").asLong();
        }
        assertThat(seriesRevenue).isEqualTo(d.get("revenueMinor").asLong());
        List<String> top = new ArrayList<>();
        d.get("topProducts").forEach(t -> top.add(t.get("productId").asText()));
        assertThat(top).containsAll(ids);
        // merchant A's dashboard holds none of it
        assertThat(Api.call("GET", "/api/merchant/dashboard" + range, merchantA, null).body()).doesNotContain(ids.get(0));
        assertThat(Api.call("GET", "/api/merchant/dashboard?from=2026-13-01", merchantB, null).status()).isEqualTo(400);
    }
}

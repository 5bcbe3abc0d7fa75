package shop.verdant.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import shop.verdant.http.Json;

/** The running local shop over HTTP: real engines, the gateway, and the handlers Lambda runs. */
class LocalShopTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(TestShop.get().url().resolve(pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) {
        return Json.read(r.body(), JsonNode.class);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    @Test
    void theDemoCatalogIsSeededAsTheIssueAsks() throws Exception {
        assertThat(json(get("/api/products?limit=1")).get("total").asInt()).isGreaterThanOrEqualTo(300);
        JsonNode tree = json(get("/api/categories")).get("categories");
        assertThat(tree.size()).isGreaterThanOrEqualTo(5);
        assertThat(tree.at("/0/children/0/children").size()).as("three levels").isGreaterThan(0);
        assertThat(json(get("/api/brands")).get("brands").size()).isGreaterThanOrEqualTo(15);
        assertThat(list(json(get("/api/products?limit=100")).at("/facets/colour"))).hasSizeGreaterThanOrEqualTo(5);
    }

    /** The issue's acceptance check: "bamboo" + a brand + a price range, correctly sorted, facets that match. */
    @Test
    void bambooWithBrandAndPriceRangeIsCorrectSortedAndCountedRight() throws Exception {
        JsonNode all = json(get("/api/products?q=bamboo&minPrice=500&maxPrice=5000&limit=100"));
        JsonNode brandFacet = all.at("/facets/brand/0");
        String brand = brandFacet.get("value").asText();

        JsonNode page = json(get("/api/products?q=bamboo&brand=" + brand + "&minPrice=500&maxPrice=5000&sort=price_asc&limit=100"));
        List<JsonNode> items = list(page.get("items"));
        assertThat(page.get("total").asInt()).isEqualTo(brandFacet.get("count").asInt()).isEqualTo(items.size());
        List<Long> prices = items.stream().map(i -> i.at("/price/amount").asLong()).toList();
        assertThat(prices).isSorted().allMatch(p -> p >= 500 && p <= 5000);
        assertThat(items).allMatch(i -> i.at("/brand/id").asText().equals(brand));
        for (JsonNode item : items) {
            JsonNode detail = json(get("/api/products/" + item.get("id").asText()));
            String text = (detail.get("name").asText() + " " + detail.get("description").asText() + " "
                    + detail.get("attributes").toString() + " " + detail.get("breadcrumb").toString()).toLowerCase();
            assertThat(text).contains("bamboo");
        }
        // Every facet's counts are over the other filters: the selected brand's own count equals the total,
        // the price buckets add up to it, and the colour counts too.
        assertThat(list(page.at("/facets/price")).stream().mapToInt(b -> b.get("count").asInt()).sum())
                .isGreaterThanOrEqualTo(page.get("total").asInt());
        assertThat(list(page.at("/facets/colour")).stream().mapToInt(b -> b.get("count").asInt()).sum())
                .isEqualTo(page.get("total").asInt());
    }

    @Test
    void pagingWithTheCursorVisitsEveryHitOnce() throws Exception {
        JsonNode first = json(get("/api/products?category=kitchen&sort=name&limit=25"));
        int total = first.get("total").asInt();
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        JsonNode page = first;
        while (true) {
            list(page.get("items")).forEach(i -> {
                ids.add(i.get("id").asText());
                names.add(i.get("name").asText().toLowerCase());
            });
            if (!page.hasNonNull("nextCursor")) {
                break;
            }
            page = json(get("/api/products?category=kitchen&sort=name&limit=25&cursor=" + enc(page.get("nextCursor").asText())));
        }
        assertThat(ids).hasSize(total).doesNotHaveDuplicates();
        assertThat(names).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    }

    @Test
    void badInputIsA400ProblemThatNamesTheParameter() throws Exception {
        for (String[] c : new String[][] {
                {"limit=0", "limit"}, {"minPrice=900&maxPrice=100", "minPrice"}, {"sort=foo", "sort"},
                {"cursor=abc.def", "cursor"}, {"q=" + "x".repeat(201), "q"}, {"category=spaceships", "category"}}) {
            HttpResponse<String> r = get("/api/products?" + c[0]);
            assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode p = json(r);
            assertThat(p.get("status").asInt()).isEqualTo(400);
            assertThat(p.get("instance").asText()).isNotBlank();
            assertThat(list(p.get("errors")).stream().map(e -> e.get("field").asText())).as(c[0]).contains(c[1]);
        }
        HttpResponse<String> missing = get("/api/products/00000000-0000-7000-8000-000000000000");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("type").asText()).isEqualTo("/problems/not-found");
    }

    @Test
    void productPageHasImagesServedFromS3MockAndRelatedProducts() throws Exception {
        String id = json(get("/api/products?q=bottle&limit=1")).at("/items/0/id").asText();
        JsonNode detail = json(get("/api/products/" + id));
        assertThat(detail.get("related").size()).isBetween(1, 8);
        String image = detail.at("/images/0").asText();
        HttpResponse<String> img = get(image);
        assertThat(img.statusCode()).isEqualTo(200);
        assertThat(img.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        assertThat(img.body()).startsWith("<svg");
    }

    @Test
    void gatewayAnswersLikeApiGatewayWithRequestIdsAndAccessLogs() throws Exception {
        HttpResponse<String> r = get("/api/brands");
        String requestId = r.headers().firstValue("x-amzn-RequestId").orElseThrow();

        assertThat(get("/api/nothing-here").statusCode()).isEqualTo(404);
        HttpResponse<String> wrongMethod = HTTP.send(HttpRequest.newBuilder(TestShop.get().url().resolve("/api/products"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(json(wrongMethod).get("status").asInt()).isEqualTo(405);

        JsonNode line = Files.readAllLines(TestShop.get().accessLog()).stream()
                .map(l -> Json.read(l, JsonNode.class))
                .filter(l -> l.get("requestId").asText().equals(requestId))
                .findFirst().orElseThrow();
        Set<String> fields = StreamSupport.stream(((Iterable<String>) line::fieldNames).spliterator(), false)
                .collect(Collectors.toSet());
        assertThat(fields).containsExactlyInAnyOrderElementsOf(shop.verdant.contract.AccessLogFormat.ORDER);
        assertThat(line.get("resourcePath").asText()).isEqualTo("/api/brands");
        assertThat(line.get("status").asInt()).isEqualTo(200);
        assertThat(line.get("httpMethod").asText()).isEqualTo("GET");
    }

    @Test
    void servesTheStorefrontAndItsConfigButNothingOutsideSite() throws Exception {
        HttpResponse<String> index = get("/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("<title>Verdant");
        assertThat(json(get("/config.json")).get("apiBase").asText()).isEqualTo("/api");
        HttpResponse<String> escape = HTTP.send(HttpRequest.newBuilder(URI.create(TestShop.get().url() + "..%2Fpom.xml")).build(),
                HttpResponse.BodyHandlers.ofString());
        // refused either way: the server rejects an encoded separator (400 problem), the site finds no such file (404)
        assertThat(escape.statusCode()).isIn(400, 404);
        assertThat(escape.body()).doesNotContain("<project");
        HttpResponse<String> dotdot = HTTP.send(HttpRequest.newBuilder(URI.create(TestShop.get().url() + "assets/../../pom.xml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(dotdot.statusCode()).isIn(400, 404);
        assertThat(dotdot.body()).doesNotContain("<project");
    }
}

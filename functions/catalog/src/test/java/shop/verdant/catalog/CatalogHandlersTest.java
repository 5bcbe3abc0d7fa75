package shop.verdant.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.verdant.domain.catalog.search.PageCursor;
import shop.verdant.domain.catalog.search.ProductQueryParser;
import shop.verdant.http.Json;
import shop.verdant.testing.InMemoryCatalog;

/** Each catalog handler fed the sample events in events/, over the fixture catalog in memory. */
class CatalogHandlersTest {
    private final InMemoryCatalog catalog = InMemoryCatalog.withFixtures();
    private final ProductQueryParser parser = new ProductQueryParser(new PageCursor(shop.verdant.domain.common.Keyring.parse(shop.verdant.domain.common.Keyring.generate("t1"))));
    /** What the handlers counted, as the metrics adapter would send it. */
    private final List<String> counted = new java.util.ArrayList<>();
    private final shop.verdant.http.Metrics metrics = new shop.verdant.http.Metrics() {
        @Override
        public void count(String name, long n) {
            counted.add(name);
        }

        @Override
        public void flush() {
            counted.add("flush");
        }
    };
    private final SearchProductsHandler search = new SearchProductsHandler(catalog.search, parser, "https://cdn.example/", metrics);
    private final GetProductHandler product = new GetProductHandler(catalog.view, "https://cdn.example/");

    private static APIGatewayProxyRequestEvent event(String name) {
        return EventLoader.loadApiGatewayRestEvent("events/" + name);
    }

    private static JsonNode body(APIGatewayProxyResponseEvent r) {
        return Json.read(r.getBody(), JsonNode.class);
    }

    @Test
    void searchAppliesTextBrandPriceAndSort() {
        APIGatewayProxyResponseEvent r = search.handleRequest(event("catalog-search-products.json"), null);
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(r.getHeaders()).containsEntry("Content-Type", "application/json");
        JsonNode b = body(r);
        // bamboo + brand bambu + 3.00..25.00 EUR: p1 3.99, p8 8.99, p2 24.99; limit 2 → first two, a cursor for the rest.
        assertThat(b.get("total").asInt()).isEqualTo(3);
        assertThat(b.get("items")).extracting(i -> i.get("id").asText()).containsExactly("p1", "p8");
        assertThat(b.get("items").get(0).get("price").get("amount").asLong()).isEqualTo(399);
        assertThat(b.get("items").get(0).get("image").asText()).isEqualTo("https://cdn.example/images/p1/main.svg");
        assertThat(b.get("nextCursor").asText()).isNotBlank();
        assertThat(b.at("/facets/brand/0/value").asText()).isEqualTo("bambu");

        APIGatewayProxyRequestEvent next = event("catalog-search-products.json");
        next.getMultiValueQueryStringParameters().put("cursor", List.of(b.get("nextCursor").asText()));
        JsonNode page2 = body(search.handleRequest(next, null));
        assertThat(page2.get("items")).extracting(i -> i.get("id").asText()).containsExactly("p2");
        assertThat(page2.has("nextCursor")).isFalse();
    }

    @Test
    void aSearchThatFindsNothingIsCounted_andEveryRequestFlushesItsMetrics() {
        APIGatewayProxyRequestEvent none = event("catalog-search-products.json");
        none.getMultiValueQueryStringParameters().put("q", List.of("zzzunknownword"));
        assertThat(body(search.handleRequest(none, null)).get("total").asInt()).isZero();
        assertThat(counted).containsExactly("ZeroResultSearches", "flush");
        counted.clear();
        search.handleRequest(event("catalog-search-products.json"), null);
        assertThat(counted).containsExactly("flush");
    }

    @Test
    void categorySearchCoversTheSubtree() {
        JsonNode b = body(search.handleRequest(event("catalog-search-by-category.json"), null));
        assertThat(b.get("total").asInt()).isEqualTo(6);
        assertThat(b.at("/facets/category")).extracting(c -> c.get("value").asText()).containsExactly("bottles", "cups");
    }

    @Test
    void badInputIsA400ProblemNamingEveryParameter() {
        APIGatewayProxyResponseEvent r = search.handleRequest(event("catalog-search-bad-input.json"), null);
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        JsonNode p = body(r);
        assertThat(p.get("status").asInt()).isEqualTo(400);
        assertThat(p.get("type").asText()).isEqualTo("/problems/invalid-request");
        assertThat(p.get("instance").asText()).isEqualTo("c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
        assertThat(p.get("errors")).extracting(e -> e.get("field").asText()).containsExactlyInAnyOrder("limit", "sort", "minPrice");
        assertThat(r.getBody()).doesNotContain("Exception").doesNotContain("at shop.");
    }

    @Test
    void unknownCategoryIsA400() {
        APIGatewayProxyResponseEvent r = search.handleRequest(event("catalog-search-unknown-category.json"), null);
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(body(r).at("/errors/0/field").asText()).isEqualTo("category");
    }

    @Test
    void productPageWithBreadcrumbAndRelated() {
        APIGatewayProxyResponseEvent r = product.handleRequest(event("catalog-get-product.json"), null);
        assertThat(r.getStatusCode()).isEqualTo(200);
        JsonNode b = body(r);
        assertThat(b.get("name").asText()).isEqualTo("Glass Water Bottle");
        assertThat(b.at("/brand/name").asText()).isEqualTo("Ocean Kind");
        assertThat(b.get("breadcrumb")).extracting(c -> c.get("id").asText()).containsExactly("kitchen", "drinkware", "bottles");
        assertThat(b.at("/stock/inStock").asBoolean()).isTrue();
        assertThat(b.at("/stock/onlyLeft").asLong()).isEqualTo(5);
        assertThat(b.get("related")).extracting(c -> c.get("id").asText()).startsWith("p2", "p3").doesNotContain("p4");
        assertThat(b.has("merchantId")).isFalse();
    }

    @Test
    void aProductWithPartialSeoStillRenders() {
        var p4 = catalog.products.get("p4");
        catalog.manage.saveProduct(new shop.verdant.domain.catalog.Product(p4.productId(), p4.merchantId(), p4.sku(),
                p4.name(), p4.description(), p4.brandId(), p4.colour(), p4.categoryId(), p4.attributes(), p4.price(),
                p4.stockAvailable(), p4.stockReserved(), p4.status(), p4.images(),
                new shop.verdant.domain.catalog.Seo("glass-bottle", null, null), p4.createdAt(), p4.updatedAt(), "t",
                p4.version()));
        APIGatewayProxyResponseEvent r = product.handleRequest(event("catalog-get-product.json"), null);
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(body(r).at("/seo/slug").asText()).isEqualTo("glass-bottle");
        assertThat(body(r).at("/seo").has("title")).isFalse();
    }

    @Test
    void unknownProductIsA404Problem() {
        APIGatewayProxyResponseEvent r = product.handleRequest(event("catalog-get-product-unknown.json"), null);
        assertThat(r.getStatusCode()).isEqualTo(404);
        assertThat(r.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(body(r).get("detail").asText()).contains("does-not-exist");
    }

    @Test
    void categoriesAndBrands() {
        JsonNode tree = body(new ListCategoriesHandler(catalog.browse).handleRequest(event("catalog-list-categories.json"), null));
        assertThat(tree.get("categories")).extracting(c -> c.get("categoryId").asText()).containsExactly("kitchen", "bath");
        assertThat(tree.at("/categories/0/children/0/children")).extracting(c -> c.get("name").asText())
                .containsExactly("Water Bottles", "Coffee Cups");
        JsonNode brands = body(new ListBrandsHandler(catalog.browse).handleRequest(event("catalog-list-brands.json"), null));
        assertThat(brands.get("brands")).extracting(c -> c.get("name").asText())
                .containsExactly("Bambu Basics", "Ocean Kind", "Terra Verde");
    }

    @Test
    void anUnexpectedFailureIsA500ProblemWithoutInternals() {
        SearchProductsHandler broken = new SearchProductsHandler(null, parser, "/", shop.verdant.http.Metrics.NONE);
        APIGatewayProxyResponseEvent r = broken.handleRequest(event("catalog-search-by-category.json"), null);
        assertThat(r.getStatusCode()).isEqualTo(500);
        assertThat(body(r).get("instance").asText()).isEqualTo("c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
        assertThat(r.getBody()).doesNotContain("NullPointer");
    }
}

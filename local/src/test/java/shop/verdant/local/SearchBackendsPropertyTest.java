package shop.verdant.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.verdant.adapter.opensearch.OpenSearchCatalog;
import shop.verdant.adapter.opensearch.OpenSearchHttp;
import shop.verdant.domain.catalog.Brand;
import shop.verdant.domain.catalog.CategoryTree;
import shop.verdant.domain.catalog.search.BrandNames;
import shop.verdant.domain.catalog.search.CatalogIndex;
import shop.verdant.domain.catalog.search.CatalogItem;
import shop.verdant.domain.catalog.search.ProductQuery;
import shop.verdant.testing.CatalogFixtures;
import shop.verdant.testing.RandomCatalogs;

/**
 * The two search backends give the same answers: random catalogs, random queries (text with prefixes, every
 * filter, every sort, pages anywhere), and the in-memory index and OpenSearch must agree on the total, the page
 * in order (ties by name, then id), every facet count and the related products.
 */
class SearchBackendsPropertyTest {
    static OpenSearchCatalog search;
    static final CategoryTree TREE = CategoryTree.of(CatalogFixtures.CATEGORIES);
    static final BrandNames NAMES = id -> CatalogFixtures.BRANDS.stream().filter(b -> b.brandId().equals(id))
            .map(Brand::name).findFirst().orElse(id);

    @BeforeAll
    static void start() throws Exception {
        search = new OpenSearchCatalog(OpenSearchHttp.unsigned(TestOpenSearch.url()), "products-properties", () -> TREE, () -> NAMES);
        search.ensureIndex(0);
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void randomQueriesOverRandomCatalogsAnswerAlikeOnBothBackends() {
        int catalogs = 24;
        int queries = 0;
        int withHits = 0;
        for (int c = 0; c < catalogs; c++) {
            Random r = new Random(7_919L * c);
            List<CatalogItem> items = RandomCatalogs.items(r, c == 0 ? 0 : r.nextInt(220));
            search.replaceAll(items);
            CatalogIndex memory = CatalogIndex.build(0, items, CatalogFixtures.CATEGORIES, CatalogFixtures.BRANDS);
            for (int k = 0; k < 30; k++, queries++) {
                ProductQuery q = RandomCatalogs.query(r);
                var expected = memory.search(q);
                assertThat(search.search(q).result()).as("catalog %d, %s", c, q).isEqualTo(expected);
                withHits += expected.items().isEmpty() ? 0 : 1;
            }
            for (int k = 0; k < 4 && !items.isEmpty(); k++) {
                String id = items.get(r.nextInt(items.size())).productId();
                int limit = 1 + r.nextInt(8);
                assertThat(search.related(id, limit)).as("related to %s", id).isEqualTo(memory.related(id, limit));
            }
        }
        assertThat(queries).isEqualTo(catalogs * 30);
        // agreement on empty pages alone would prove little: most queries must have had something to order
        assertThat(withHits).as("queries with a non-empty page").isGreaterThan(queries / 3);
    }

    @Test
    void aHugeCatalogVocabularyStillAnswersAShortPrefix() {
        Random r = new Random(3);
        List<CatalogItem> items = new java.util.ArrayList<>();
        Map<String, String> none = new HashMap<>();
        for (int i = 0; i < 3_000; i++) {
            items.add(new CatalogItem("w" + i, "bottle b" + Integer.toString(i, 36) + "x", "", "bambu", "green", "bottles",
                    none, 100 + r.nextInt(900), "EUR", null, i, true));
        }
        search.replaceAll(items);
        ProductQuery q = new ProductQuery("b", null, null, null, null, null, null, null, 24, 0);
        CatalogIndex memory = CatalogIndex.build(0, items, CatalogFixtures.CATEGORIES, CatalogFixtures.BRANDS);
        assertThat(search.search(q).result()).isEqualTo(memory.search(q));
        assertThat(memory.search(q).total()).isEqualTo(3_000);
    }
}

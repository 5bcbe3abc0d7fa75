package shop.verdant.domain.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import shop.verdant.domain.catalog.search.SearchResult.FacetValue;
import shop.verdant.testing.CatalogFixtures;

class CatalogIndexTest {
    private final CatalogIndex index = CatalogIndex.build(7, CatalogFixtures.items(), CatalogFixtures.CATEGORIES,
            CatalogFixtures.BRANDS);

    private static ProductQuery query(String text, String category, Set<String> brands, Long min, Long max, SortOrder sort) {
        return new ProductQuery(text, category, brands, Set.of(), min, max, Map.of(), sort, 24, 0);
    }

    private static List<String> ids(SearchResult r) {
        return r.items().stream().map(CatalogItem::productId).toList();
    }

    @Test
    void textMatchesEveryTermAndRanksNameHitsFirst() {
        SearchResult r = index.search(query("bamboo bottle", null, Set.of(), null, null, SortOrder.RELEVANCE));
        // p2 "Bamboo Water Bottle" and p8 "Bamboo Bottle Brush" carry both words in the name.
        assertThat(ids(r)).containsExactlyInAnyOrder("p2", "p8");
        assertThat(r.total()).isEqualTo(2);
    }

    @Test
    void pluralsAndPrefixesMatch() {
        assertThat(ids(index.search(query("toothbrushes", null, Set.of(), null, null, SortOrder.NAME))))
                .containsExactly("p1", "p7");
        assertThat(ids(index.search(query("toothbr", null, Set.of(), null, null, SortOrder.NAME))))
                .containsExactly("p1", "p7");
        assertThat(index.search(query("toothbr ", null, Set.of(), null, null, SortOrder.NAME)).total())
                .as("a finished word is not a prefix").isZero();
    }

    @Test
    void brandNamesAndCategoryNamesAreSearchable() {
        assertThat(ids(index.search(query("terra verde", null, Set.of(), null, null, SortOrder.NAME))))
                .containsExactly("p5", "p3");
        assertThat(ids(index.search(query("oral care", null, Set.of(), null, null, SortOrder.NAME))))
                .containsExactly("p1", "p7");
    }

    @Test
    void categoryFilterCoversTheWholeSubtree() {
        SearchResult r = index.search(query(null, "drinkware", Set.of(), null, null, SortOrder.PRICE_ASC));
        assertThat(ids(r)).containsExactly("p8", "p5", "p6", "p4", "p2", "p3");
        assertThat(r.facets().category()).extracting(FacetValue::value, FacetValue::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bottles", 3), org.assertj.core.groups.Tuple.tuple("cups", 2));
    }

    @Test
    void priceRangeIsInclusiveAndSortsBothWays() {
        SearchResult asc = index.search(query(null, null, Set.of(), 899L, 1999L, SortOrder.PRICE_ASC));
        assertThat(ids(asc)).containsExactly("p8", "p5", "p6", "p4");
        SearchResult desc = index.search(query(null, null, Set.of(), 899L, 1999L, SortOrder.PRICE_DESC));
        assertThat(ids(desc)).containsExactly("p4", "p6", "p5", "p8");
    }

    @Test
    void newestAndNameOrders() {
        assertThat(ids(index.search(query(null, null, Set.of(), null, null, SortOrder.NEWEST))))
                .containsExactly("p8", "p7", "p6", "p5", "p4", "p3", "p2", "p1");
        assertThat(ids(index.search(query(null, null, Set.of(), null, null, SortOrder.NAME))))
                .containsExactly("p8", "p5", "p1", "p2", "p7", "p6", "p4", "p3");
    }

    @Test
    void facetCountsIgnoreTheirOwnFilterButHonourAllOthers() {
        SearchResult r = index.search(query("bamboo", null, Set.of("bambu"), null, null, SortOrder.RELEVANCE));
        assertThat(ids(r)).containsExactlyInAnyOrder("p1", "p2", "p8");
        // Brand counts are over "bamboo" hits regardless of the brand choice: bambu 3, terra 1 (p5), ocean 1 (p7 material).
        assertThat(r.facets().brand()).extracting(FacetValue::value, FacetValue::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple("bambu", 3), org.assertj.core.groups.Tuple.tuple("ocean", 1),
                org.assertj.core.groups.Tuple.tuple("terra", 1));
        // Colour counts honour the brand filter: p1 natural, p2 green, p8 natural.
        assertThat(r.facets().colour()).extracting(FacetValue::value, FacetValue::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple("natural", 2), org.assertj.core.groups.Tuple.tuple("green", 1));
        int bucketTotal = r.facets().price().stream().mapToInt(SearchResult.PriceBucket::count).sum();
        assertThat(bucketTotal).isEqualTo(r.total());
    }

    @Test
    void attributeFiltersAndFacets() {
        ProductQuery q = new ProductQuery(null, null, Set.of(), Set.of(), null, null,
                Map.of("material", Set.of("cork", "glass")), SortOrder.NAME, 24, 0);
        SearchResult r = index.search(q);
        assertThat(ids(r)).containsExactly("p6", "p4");
        assertThat(r.facets().attributes().get("material")).extracting(FacetValue::value)
                .contains("bamboo", "steel", "glass", "cork");
    }

    @Test
    void pagesWalkTheWholeResultWithoutGapsOrRepeats() {
        List<String> seen = new java.util.ArrayList<>();
        int offset = 0;
        for (int page = 0; page < 10; page++) {
            SearchResult r = index.search(new ProductQuery(null, null, Set.of(), Set.of(), null, null, Map.of(),
                    SortOrder.PRICE_ASC, 3, offset));
            seen.addAll(ids(r));
            if (r.nextOffset() == null) {
                break;
            }
            offset = r.nextOffset();
        }
        assertThat(seen).containsExactly("p1", "p7", "p8", "p5", "p6", "p4", "p2", "p3");
    }

    @Test
    void relatedProductsComeFromTheSameCategoryFirstNearestInPrice() {
        List<String> related = index.related("p4", 4).stream().map(CatalogItem::productId).toList();
        // Same leaf (bottles): p2 (500 away), p3 (1000 away); then the drinkware subtree by price distance.
        assertThat(related).containsExactly("p2", "p3", "p6", "p5");
    }

    @Test
    void unknownProductHasNoRelatedAndUnknownCategoryIsReported() {
        assertThat(index.related("nope", 4)).isEmpty();
        assertThat(index.hasCategory("nope")).isFalse();
        assertThat(index.hasCategory("cups")).isTrue();
    }

    @Test
    void aHugeIndexIsNotNeededToFindNothing() {
        CatalogIndex empty = CatalogIndex.build(1, List.of(), CatalogFixtures.CATEGORIES, CatalogFixtures.BRANDS);
        SearchResult r = empty.search(query("bamboo", null, Set.of(), null, null, SortOrder.RELEVANCE));
        assertThat(r.total()).isZero();
        assertThat(r.items()).isEmpty();
        assertThat(r.nextOffset()).isNull();
    }
}

package shop.verdant.domain.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import shop.verdant.domain.catalog.Brand;
import shop.verdant.domain.catalog.Category;
import shop.verdant.domain.catalog.CategoryTree;
import shop.verdant.domain.catalog.search.SearchResult.FacetValue;
import shop.verdant.testing.CatalogFixtures;

/** The index must agree with a brute-force filter over the same items, whatever the catalog and query. */
class CatalogIndexProperties {
    private static final String[] WORDS = {"bamboo", "glass", "bottle", "bottles", "cup", "brush", "steel", "cork", "wrap"};
    private static final String[] COLOURS = {"green", "natural", "blue"};
    private static final String[] MATERIALS = {"bamboo", "glass", "cork"};

    @Property(tries = 300)
    void searchAgreesWithBruteForce(@ForAll @IntRange(min = 0, max = 400) int size, @ForAll long seed) {
        Random r = new Random(seed);
        List<CatalogItem> items = new ArrayList<>();
        List<String> categories = CatalogFixtures.CATEGORIES.stream().map(Category::categoryId).toList();
        for (int i = 0; i < size; i++) {
            items.add(new CatalogItem("p" + i, WORDS[r.nextInt(WORDS.length)] + " " + WORDS[r.nextInt(WORDS.length)],
                    r.nextBoolean() ? WORDS[r.nextInt(WORDS.length)] : "", CatalogFixtures.BRANDS.get(r.nextInt(3)).brandId(),
                    COLOURS[r.nextInt(COLOURS.length)], categories.get(r.nextInt(categories.size())),
                    r.nextInt(4) == 0 ? Map.of() : Map.of("material", MATERIALS[r.nextInt(MATERIALS.length)]),
                    r.nextInt(15_000), "EUR", null, r.nextInt(1000), true));
        }
        CatalogIndex index = CatalogIndex.build(1, items, CatalogFixtures.CATEGORIES, CatalogFixtures.BRANDS);
        CategoryTree tree = CategoryTree.of(CatalogFixtures.CATEGORIES);

        for (int k = 0; k < 10; k++) {
            String word = WORDS[r.nextInt(WORDS.length)];
            String text = r.nextInt(3) == 0 ? null : word.substring(0, Math.min(word.length(), 2 + r.nextInt(3)));
            String category = r.nextInt(3) == 0 ? categories.get(r.nextInt(categories.size())) : null;
            Set<String> brands = r.nextBoolean() ? Set.of() : Set.of(CatalogFixtures.BRANDS.get(r.nextInt(3)).brandId());
            Set<String> colours = r.nextBoolean() ? Set.of() : new HashSet<>(List.of(COLOURS[r.nextInt(3)], COLOURS[r.nextInt(3)]));
            Long min = r.nextBoolean() ? null : (long) r.nextInt(12_000);
            Long max = r.nextBoolean() ? null : (min == null ? 0 : min) + r.nextInt(6_000);
            Map<String, Set<String>> attrs = r.nextInt(3) == 0 ? Map.of("material", Set.of(MATERIALS[r.nextInt(3)])) : Map.of();
            SortOrder sort = r.nextBoolean() ? SortOrder.PRICE_ASC : SortOrder.PRICE_DESC;
            ProductQuery q = new ProductQuery(text, category, brands, colours, min, max, attrs, sort, 1 + r.nextInt(30), r.nextInt(20));

            SearchResult result = index.search(q);
            List<CatalogItem> expected = items.stream().filter(i -> matches(i, q, tree, null)).collect(Collectors.toList());
            assertThat(result.total()).isEqualTo(expected.size());
            List<Long> prices = result.items().stream().map(CatalogItem::priceMinor).toList();
            List<Long> expectedPrices = expected.stream().map(CatalogItem::priceMinor)
                    .sorted(sort == SortOrder.PRICE_ASC ? Comparator.naturalOrder() : Comparator.reverseOrder())
                    .skip(Math.min(q.offset(), expected.size())).limit(q.limit()).toList();
            assertThat(prices).isEqualTo(expectedPrices);

            Map<String, Integer> brandCounts = new TreeMap<>();
            items.stream().filter(i -> matches(i, q, tree, "brand")).forEach(i -> brandCounts.merge(i.brandId(), 1, Integer::sum));
            assertThat(counts(result.facets().brand())).isEqualTo(brandCounts);
            Map<String, Integer> colourCounts = new TreeMap<>();
            items.stream().filter(i -> matches(i, q, tree, "colour")).forEach(i -> colourCounts.merge(i.colour(), 1, Integer::sum));
            assertThat(counts(result.facets().colour())).isEqualTo(colourCounts);
            long inPriceFacets = result.facets().price().stream().mapToLong(SearchResult.PriceBucket::count).sum();
            assertThat(inPriceFacets).isEqualTo(items.stream().filter(i -> matches(i, q, tree, "price")).count());
        }
    }

    private static Map<String, Integer> counts(List<FacetValue> facet) {
        Map<String, Integer> out = new TreeMap<>();
        facet.stream().filter(f -> f.count() > 0).forEach(f -> out.put(f.value(), f.count()));
        return out;
    }

    /** The query's meaning, written the slow obvious way; {@code ignore} leaves out one filter (for its facet). */
    private static boolean matches(CatalogItem i, ProductQuery q, CategoryTree tree, String ignore) {
        if (q.text() != null) {
            Set<String> tokens = new HashSet<>();
            tokens.addAll(Tokenizer.tokens(i.name()));
            tokens.addAll(Tokenizer.tokens(i.description()));
            tokens.addAll(Tokenizer.tokens(i.colour()));
            CatalogFixtures.BRANDS.stream().filter(b -> b.brandId().equals(i.brandId())).map(Brand::name)
                    .forEach(n -> tokens.addAll(Tokenizer.tokens(n)));
            tree.path(i.categoryId()).forEach(c -> tokens.addAll(Tokenizer.tokens(c.name())));
            i.attributes().values().forEach(v -> tokens.addAll(Tokenizer.tokens(v)));
            String prefix = Tokenizer.tokens(q.text()).get(0);
            if (tokens.stream().noneMatch(t -> t.startsWith(prefix))) {
                return false;
            }
        }
        if (q.categoryId() != null && tree.path(i.categoryId()).stream().noneMatch(c -> c.categoryId().equals(q.categoryId()))) {
            return false;
        }
        if (!"brand".equals(ignore) && !q.brands().isEmpty() && !q.brands().contains(i.brandId())) {
            return false;
        }
        if (!"colour".equals(ignore) && !q.colours().isEmpty() && !q.colours().contains(i.colour())) {
            return false;
        }
        if (!"price".equals(ignore) && ((q.minPrice() != null && i.priceMinor() < q.minPrice())
                || (q.maxPrice() != null && i.priceMinor() > q.maxPrice()))) {
            return false;
        }
        for (Map.Entry<String, Set<String>> a : q.attributes().entrySet()) {
            String value = i.attributes().get(a.getKey());
            if (value == null || !a.getValue().contains(value)) {
                return false;
            }
        }
        return true;
    }
}

package shop.verdant.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import shop.verdant.domain.catalog.Category;
import shop.verdant.domain.catalog.search.CatalogItem;
import shop.verdant.domain.catalog.search.ProductQuery;
import shop.verdant.domain.catalog.search.SortOrder;

/**
 * Random catalogs and queries over {@link CatalogFixtures}' tree and brands, drawn from small vocabularies so
 * that text, filters, facets and every sort's ties all come up often: for properties that compare two ways of
 * answering a search.
 */
public final class RandomCatalogs {
    private RandomCatalogs() {
    }

    static final String[] WORDS = {"bamboo", "glass", "bottle", "bottles", "cup", "brush", "steel", "cork", "wrap", "bambu"};
    static final String[] COLOURS = {"green", "natural", "blue", "black"};
    static final String[] MATERIALS = {"bamboo", "glass", "cork", "steel"};
    static final String[] SIZES = {"s", "m", "l"};
    public static final List<String> CATEGORY_IDS = CatalogFixtures.CATEGORIES.stream().map(Category::categoryId).toList();

    /** Product {@code id} with random fields; names, prices and creation times repeat, so sorts need their ties. */
    public static CatalogItem item(Random r, String id) {
        Map<String, String> attributes = new HashMap<>();
        if (r.nextInt(4) != 0) {
            attributes.put("material", MATERIALS[r.nextInt(MATERIALS.length)]);
        }
        if (r.nextInt(3) == 0) {
            attributes.put("size", SIZES[r.nextInt(SIZES.length)]);
        }
        if (r.nextInt(5) == 0) {
            // many distinct values: filterable, but no facet once past the limit
            attributes.put("code", "c" + r.nextInt(80));
        }
        String name = WORDS[r.nextInt(WORDS.length)] + " " + WORDS[r.nextInt(WORDS.length)];
        return new CatalogItem(id, r.nextInt(3) == 0 ? name.toUpperCase() : name,
                r.nextBoolean() ? WORDS[r.nextInt(WORDS.length)] + " for every day" : "",
                CatalogFixtures.BRANDS.get(r.nextInt(CatalogFixtures.BRANDS.size())).brandId(),
                COLOURS[r.nextInt(COLOURS.length)], CATEGORY_IDS.get(r.nextInt(CATEGORY_IDS.size())), attributes,
                100L * (1 + r.nextInt(150)), "EUR", null, 1_000L * r.nextInt(50), true);
    }

    public static List<CatalogItem> items(Random r, int size) {
        List<CatalogItem> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            out.add(item(r, "p" + i));
        }
        return out;
    }

    /** A random valid query: any filter combination, any sort, a page anywhere. */
    public static ProductQuery query(Random r) {
        String text = null;
        if (r.nextInt(3) != 0) {
            String word = WORDS[r.nextInt(WORDS.length)];
            String first = word.substring(0, Math.min(word.length(), 2 + r.nextInt(5)));
            text = switch (r.nextInt(4)) {
                case 0 -> first;                                                   // a prefix
                case 1 -> first + " ";                                             // a whole word
                case 2 -> WORDS[r.nextInt(WORDS.length)] + " " + first;            // two terms, the last a prefix
                default -> CatalogFixtures.BRANDS.get(r.nextInt(3)).name().split(" ")[0].toLowerCase();
            };
        }
        String category = r.nextInt(3) == 0 ? CATEGORY_IDS.get(r.nextInt(CATEGORY_IDS.size())) : null;
        Set<String> brands = new HashSet<>();
        if (r.nextInt(3) == 0) {
            brands.add(CatalogFixtures.BRANDS.get(r.nextInt(3)).brandId());
        }
        Set<String> colours = new HashSet<>();
        if (r.nextInt(3) == 0) {
            colours.add(COLOURS[r.nextInt(COLOURS.length)]);
            colours.add(COLOURS[r.nextInt(COLOURS.length)]);
        }
        Long min = r.nextInt(3) == 0 ? (long) r.nextInt(12_000) : null;
        Long max = r.nextInt(3) == 0 ? (min == null ? 0 : min) + r.nextInt(8_000) : null;
        Map<String, Set<String>> attributes = new HashMap<>();
        if (r.nextInt(4) == 0) {
            attributes.put("material", Set.of(MATERIALS[r.nextInt(MATERIALS.length)]));
        }
        if (r.nextInt(6) == 0) {
            attributes.put("size", new HashSet<>(List.of(SIZES[r.nextInt(SIZES.length)], SIZES[r.nextInt(SIZES.length)])));
        }
        SortOrder sort = SortOrder.values()[r.nextInt(SortOrder.values().length)];
        int limit = 1 + r.nextInt(30);
        int offset = r.nextInt(4) == 0 ? r.nextInt(60) : 0;
        return new ProductQuery(text, category, brands, colours, min, max, attributes, sort, limit, offset);
    }
}

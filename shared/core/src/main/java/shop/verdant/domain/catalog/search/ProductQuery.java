package shop.verdant.domain.catalog.search;

import java.util.Map;
import java.util.Set;

/**
 * A validated catalog search. Null {@code text}, {@code categoryId} or price bound means "no such
 * filter"; an empty set likewise. Values inside one filter are alternatives (OR), filters combine
 * with AND. Prices are minor units.
 */
public record ProductQuery(
        String text,
        String categoryId,
        Set<String> brands,
        Set<String> colours,
        Long minPrice,
        Long maxPrice,
        Map<String, Set<String>> attributes,
        SortOrder sort,
        int limit,
        int offset) {

    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 24;
    public static final int MAX_TEXT_LENGTH = 200;

    public ProductQuery {
        brands = brands == null ? Set.of() : Set.copyOf(brands);
        colours = colours == null ? Set.of() : Set.copyOf(colours);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        sort = sort == null ? SortOrder.RELEVANCE : sort;
    }

    public static ProductQuery all(int limit) {
        return new ProductQuery(null, null, Set.of(), Set.of(), null, null, Map.of(), SortOrder.RELEVANCE, limit, 0);
    }

    public ProductQuery withOffset(int newOffset) {
        return new ProductQuery(text, categoryId, brands, colours, minPrice, maxPrice, attributes, sort, limit, newOffset);
    }
}

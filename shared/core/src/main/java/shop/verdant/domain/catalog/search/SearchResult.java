package shop.verdant.domain.catalog.search;

import java.util.List;

/**
 * One page of hits plus facet counts. Each facet is counted with every filter applied except its own
 * (so choosing one brand still shows how many hits the other brands would give).
 */
public record SearchResult(
        List<CatalogItem> items,
        int total,
        int offset,
        Integer nextOffset,
        Facets facets,
        long catalogVersion) {

    /** The same page, labelled as a later catalog version (which answered it identically). */
    public SearchResult withVersion(long version) {
        return version == catalogVersion ? this : new SearchResult(items, total, offset, nextOffset, facets, version);
    }

    public record FacetValue(String value, String label, int count) {
    }

    public record PriceBucket(long from, Long to, int count) {
    }

    /** {@code attributes}: per attribute name, its values and counts (names with few distinct values only). */
    public record Facets(
            List<FacetValue> brand,
            List<FacetValue> colour,
            List<FacetValue> category,
            List<PriceBucket> price,
            java.util.Map<String, List<FacetValue>> attributes) {
    }
}

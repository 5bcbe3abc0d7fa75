package shop.verdant.domain.catalog.search;

import java.util.List;
import shop.verdant.domain.catalog.CategoryTree;

/**
 * One consistent version of the searchable catalog: what a search, a product page's related products and
 * the labels on a page are read from. Implementations are immutable, so a reader never sees a half-applied
 * change: a newer version is a new object.
 */
public interface CatalogView extends BrandNames {

    long version();

    /** Shoppable products in this version. */
    int size();

    CategoryTree categories();

    default boolean hasCategory(String categoryId) {
        return categories().contains(categoryId);
    }

    CatalogItem get(String productId);

    SearchResult search(ProductQuery query);

    /**
     * Products to show beside one: the same category first, then ever wider ancestor subtrees,
     * nearest in price first within each ring (ties by name, then id).
     */
    List<CatalogItem> related(String productId, int limit);
}

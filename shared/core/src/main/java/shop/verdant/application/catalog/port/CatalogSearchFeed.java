package shop.verdant.application.catalog.port;

import shop.verdant.domain.catalog.search.CatalogItem;

/**
 * A search index that is fed product by product (OpenSearch), from the Products stream's consumer: each call
 * states a product as it is now, so applying the same one twice, or an older one after a newer one followed by
 * the newer again, ends in the same state.
 */
public interface CatalogSearchFeed {

    /** The product is shoppable, as {@code item} says. */
    void put(CatalogItem item);

    /** The product is not shoppable (deleted, unpublished or out of the catalog). */
    void remove(String productId);
}

package shop.verdant.application.catalog;

import java.util.List;
import shop.verdant.application.catalog.port.CatalogCache;
import shop.verdant.application.catalog.port.CatalogSnapshotStore;
import shop.verdant.application.catalog.port.ProductRepository;
import shop.verdant.domain.catalog.Product;
import shop.verdant.domain.catalog.search.CatalogItem;

/**
 * Keeps the catalog's read side true to stock that moved outside the catalog's own writes (orders
 * reserving and releasing, restocks), fed from the Products table's change stream: every changed product
 * leaves the product-page cache, and one whose availability crossed zero (in or out of stock) is
 * republished to the search snapshot from a consistent read. Idempotent, so redelivery is harmless.
 */
public final class FollowStockChanges {

    /** One changed product as the stream saw it; a null {@code newAvailable} means it was deleted. */
    public record Change(String productId, Long oldAvailable, Long newAvailable) {
        boolean removed() {
            return newAvailable == null;
        }

        boolean crossedZero() {
            boolean before = oldAvailable != null && oldAvailable > 0;
            boolean after = newAvailable != null && newAvailable > 0;
            return before != after;
        }
    }

    private final ProductRepository products;
    private final CatalogSnapshotStore snapshots;
    private final CatalogCache cache;

    public FollowStockChanges(ProductRepository products, CatalogSnapshotStore snapshots, CatalogCache cache) {
        this.products = products;
        this.snapshots = snapshots;
        this.cache = cache;
    }

    /** Applies one change; answers whether the search snapshot changed. */
    public boolean apply(Change change) {
        cache.evictProduct(change.productId());
        if (change.removed()) {
            snapshots.remove(change.productId());
            return true;
        }
        if (!change.crossedZero()) {
            return false;
        }
        Product current = products.find(change.productId()).orElse(null);
        if (current == null || !current.isVisibleToShoppers()) {
            snapshots.remove(change.productId());
        } else {
            snapshots.upsert(CatalogItem.from(current));
        }
        return true;
    }

    public int applyAll(List<Change> changes) {
        int republished = 0;
        for (Change c : changes) {
            republished += apply(c) ? 1 : 0;
        }
        return republished;
    }
}

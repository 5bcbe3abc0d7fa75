package shop.verdant.application.catalog;

import java.util.List;
import shop.verdant.application.catalog.port.CatalogCache;
import shop.verdant.application.catalog.port.CatalogSearchFeed;
import shop.verdant.application.catalog.port.CatalogSnapshotStore;
import shop.verdant.application.catalog.port.ProductRepository;
import shop.verdant.domain.catalog.Product;
import shop.verdant.domain.catalog.search.CatalogItem;

/**
 * Keeps the catalog's read side true to the Products table, fed from its change stream: stock that orders reserve
 * and release, restocks, and the merchants' back-office edits. Every changed product leaves the product-page cache;
 * one whose availability crossed zero (in or out of stock) or whose listing changed (published, archived, edited)
 * is republished to the search snapshot from a consistent read. Idempotent, so redelivery is harmless.
 * With a search engine ({@link CatalogSearchFeed}), every change also states the product there as a consistent
 * read finds it, and reads once more after writing: should the product have changed meanwhile (another
 * consumer with an older read may have written after this one), it states it again. So whatever order batches
 * arrive in, retried or concurrent, the engine ends as the table is.
 */
public final class FollowStockChanges {

    /**
     * One changed product as the stream saw it; a null {@code newAvailable} means it was deleted. {@code listingChanged}:
     * what shoppers see of it changed (a merchant published, archived or edited it), not only its stock.
     */
    public record Change(String productId, Long oldAvailable, Long newAvailable, boolean listingChanged) {
        public Change(String productId, Long oldAvailable, Long newAvailable) {
            this(productId, oldAvailable, newAvailable, false);
        }

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
    private final CatalogSearchFeed engine;
    /** How often a product that keeps changing under the feed is read and stated again before giving up for now. */
    static final int FEED_ROUNDS = 3;

    public FollowStockChanges(ProductRepository products, CatalogSnapshotStore snapshots, CatalogCache cache) {
        this(products, snapshots, cache, null);
    }

    /** {@code engine}: a search engine to keep equal to the table, or null. */
    public FollowStockChanges(ProductRepository products, CatalogSnapshotStore snapshots, CatalogCache cache,
                              CatalogSearchFeed engine) {
        this.products = products;
        this.snapshots = snapshots;
        this.cache = cache;
        this.engine = engine;
    }

    /** Applies one change; answers whether the search snapshot changed. */
    public boolean apply(Change change) {
        cache.evictProduct(change.productId());
        CatalogItem fed = engine == null ? null : feed(change.productId());
        if (change.removed()) {
            snapshots.remove(change.productId());
            return true;
        }
        if (!change.crossedZero() && !change.listingChanged()) {
            return false;
        }
        // the feed's last read is as fresh as another would be
        CatalogItem current = engine == null ? shoppable(change.productId()) : fed;
        if (current == null) {
            snapshots.remove(change.productId());
        } else {
            snapshots.upsert(current);
        }
        return true;
    }

    /**
     * States the product in the engine as the table has it, until a read after the write finds it unchanged;
     * answers that last state (null: not shoppable).
     */
    private CatalogItem feed(String productId) {
        CatalogItem stated = shoppable(productId);
        for (int round = 0; round < FEED_ROUNDS; round++) {
            if (stated == null) {
                engine.remove(productId);
            } else {
                engine.put(stated);
            }
            CatalogItem now = shoppable(productId);
            if (java.util.Objects.equals(now, stated)) {
                return stated;
            }
            stated = now;
        }
        throw new IllegalStateException("product " + productId + " kept changing while it was fed to search; retried");
    }

    private CatalogItem shoppable(String productId) {
        return products.find(productId).filter(Product::isVisibleToShoppers).map(CatalogItem::from).orElse(null);
    }

    public int applyAll(List<Change> changes) {
        int republished = 0;
        for (Change c : changes) {
            republished += apply(c) ? 1 : 0;
        }
        return republished;
    }
}

package shop.verdant.application.catalog;

import shop.verdant.application.catalog.port.CatalogCache;
import shop.verdant.application.catalog.port.CatalogSnapshotStore;

/**
 * The read side of an admin's change to the category tree (or the brands), fed from the Categories (Brands) stream: the cached tree goes (the
 * next reader builds it from the table) and the snapshot's version moves, so every warm search container reloads and
 * its subtree filters and category facets follow the new tree. Idempotent.
 */
public final class FollowCategoryChanges {
    private final CatalogCache cache;
    private final CatalogSnapshotStore snapshots;

    public FollowCategoryChanges(CatalogCache cache, CatalogSnapshotStore snapshots) {
        this.cache = cache;
        this.snapshots = snapshots;
    }

    public void treeChanged() {
        cache.evictCategoryTree();
        snapshots.bumpVersion();
    }

    /** The same for the brands (a brand renamed, retired or brought back): the cached list goes, search reloads. */
    public void brandsChanged() {
        cache.evictBrands();
        snapshots.bumpVersion();
    }
}

package shop.verdant.catalog;

import shop.verdant.application.catalog.FollowCategoryChanges;

/** Follows the Brands stream: the cached brand list goes and search reloads. */
public final class FollowBrandChangesHandler extends FollowCatalogShape {
    public FollowBrandChangesHandler() {
        this(CatalogWiring.FOLLOW_CATEGORIES);
    }

    public FollowBrandChangesHandler(FollowCategoryChanges follow) {
        super("FollowBrandChanges", follow::brandsChanged);
    }
}

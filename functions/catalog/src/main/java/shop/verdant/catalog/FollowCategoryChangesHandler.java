package shop.verdant.catalog;

import shop.verdant.application.catalog.FollowCategoryChanges;

/** Follows the Categories stream: the cached tree goes and search reloads (subtree filters and facets follow). */
public final class FollowCategoryChangesHandler extends FollowCatalogShape {
    public FollowCategoryChangesHandler() {
        this(CatalogWiring.FOLLOW_CATEGORIES);
    }

    public FollowCategoryChangesHandler(FollowCategoryChanges follow) {
        super("FollowCategoryChanges", follow::treeChanged);
    }
}

package shop.verdant.application.catalog;

import java.util.List;
import shop.verdant.application.catalog.port.CatalogSnapshotStore;
import shop.verdant.domain.catalog.CategoryTree;
import shop.verdant.domain.catalog.search.CatalogIndex;
import shop.verdant.domain.catalog.search.ProductQuery;
import shop.verdant.domain.catalog.search.SearchResult;
import shop.verdant.domain.common.ValidationException;

/**
 * Catalog search over an in-memory index of the snapshot. Each call costs one version read from the
 * snapshot store; the index is rebuilt only when the version moved, so a warm container answers from
 * memory and sees a write on its next request.
 */
public final class SearchProducts {
    private final CatalogSnapshotStore snapshots;
    private final BrowseCategories browse;
    private volatile CatalogIndex index;

    public SearchProducts(CatalogSnapshotStore snapshots, BrowseCategories browse) {
        this.snapshots = snapshots;
        this.browse = browse;
    }

    /** A page of results with the index that produced it, for labels (brand names) that match the page. */
    public record Answer(SearchResult result, CatalogIndex index) {
    }

    public Answer search(ProductQuery query) {
        CatalogIndex current = current();
        if (query.categoryId() != null && !current.hasCategory(query.categoryId())) {
            throw ValidationException.of("category", "no category has the id '" + query.categoryId() + "'");
        }
        return new Answer(current.search(query), current);
    }

    /** The index for the snapshot's current version, rebuilt if a write moved it. */
    public CatalogIndex current() {
        CatalogIndex known = index;
        long version = snapshots.version();
        if (known != null && known.version() == version) {
            return known;
        }
        synchronized (this) {
            known = index;
            if (known != null && known.version() == snapshots.version()) {
                return known;
            }
            CatalogSnapshotStore.Snapshot snapshot = snapshots.load();
            List<CategoryTree.Node> tree = browse.tree();
            CatalogIndex built = CatalogIndex.build(snapshot.version(), snapshot.items(),
                    CategoryTree.flatten(tree), browse.brands());
            index = built;
            return built;
        }
    }
}

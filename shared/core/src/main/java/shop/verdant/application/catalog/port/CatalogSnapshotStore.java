package shop.verdant.application.catalog.port;

import java.util.List;
import shop.verdant.domain.catalog.search.CatalogItem;

/**
 * The versioned catalog snapshot that every search container indexes. Each change bumps the version
 * in the same atomic step as the data, so a container that saw version v has at least v's data.
 */
public interface CatalogSnapshotStore {

    record Snapshot(long version, List<CatalogItem> items) {
    }

    /** The current version; 0 when no snapshot was ever published. */
    long version();

    Snapshot load();

    void upsert(CatalogItem item);

    void remove(String productId);

    /** Replaces all items at once (a rebuild from the database). */
    void replaceAll(List<CatalogItem> items);

    /** Marks the snapshot changed without touching items (the category tree or brands changed). */
    void bumpVersion();
}

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

    /**
     * What changed after a version: the items written since (as they are now) and the ids removed since, as of
     * {@code version}. A product changed several times appears once.
     */
    record Changes(long version, List<CatalogItem> upserted, List<String> removed) {
    }

    /** The current version; 0 when no snapshot was ever published. */
    long version();

    Snapshot load();

    /**
     * The changes after {@code version}, or empty when the change log no longer reaches back that far (it is
     * trimmed; a full replacement or a tree change starts it afresh): then only a full {@link #load} will do.
     */
    default java.util.Optional<Changes> changesSince(long version) {
        return java.util.Optional.empty();
    }

    /**
     * The last index image published ({@code CatalogIndexImage}'s bytes), if any: a fresh container loads it and
     * catches up from the change log instead of building from the items. Valid only while the log reaches back to
     * its version (a tree or brand change restarts the log).
     */
    default java.util.Optional<byte[]> image() {
        return java.util.Optional.empty();
    }

    /** Publishes an index image of {@code version}, unless a newer one is there already. */
    default void saveImage(long version, byte[] image) {
    }

    void upsert(CatalogItem item);

    void remove(String productId);

    /** Replaces all items at once (a rebuild from the database). */
    void replaceAll(List<CatalogItem> items);

    /** Marks the snapshot changed without touching items (the category tree or brands changed). */
    void bumpVersion();
}

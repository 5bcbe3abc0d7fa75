package shop.verdant.application.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import shop.verdant.application.catalog.port.CatalogSnapshotStore;
import shop.verdant.domain.catalog.CategoryTree;
import shop.verdant.domain.catalog.search.CatalogIndex;
import shop.verdant.domain.catalog.search.CatalogItem;
import shop.verdant.domain.catalog.search.ProductQuery;
import shop.verdant.domain.catalog.search.SearchResult;
import shop.verdant.domain.common.ValidationException;

/**
 * Catalog search over an in-memory index of the snapshot. Each call costs one version read from the
 * snapshot store. When a write moved the version, the index is rebuilt by {@code rebuilds}, off the request
 * path: until the new index is complete, requests are answered from the older one (never from a half-built
 * one; the new index replaces it in one step), so no search queues behind a rebuild that takes seconds at
 * 100k products. Only a container with no index at all waits for its first build. With a synchronous
 * executor ({@link Runnable#run}) a write is visible on the very next request, as tests want. A rebuild reads
 * only what changed since its index's version (the store's change log), unless the log no longer reaches back.
 */
public final class SearchProducts {
    private final CatalogSnapshotStore snapshots;
    private final BrowseCategories browse;
    private final Executor rebuilds;
    private volatile CatalogIndex index;
    /** The items the current index was built from, by product id: what a rebuild applies the changes to. */
    private volatile Map<String, CatalogItem> items;
    /** The rebuild under way, if any: at most one at a time. */
    private final AtomicReference<CompletableFuture<CatalogIndex>> building = new AtomicReference<>();

    /** Rebuilds inline: a write is visible on the next request. */
    public SearchProducts(CatalogSnapshotStore snapshots, BrowseCategories browse) {
        this(snapshots, browse, Runnable::run);
    }

    public SearchProducts(CatalogSnapshotStore snapshots, BrowseCategories browse, Executor rebuilds) {
        this.snapshots = snapshots;
        this.browse = browse;
        this.rebuilds = rebuilds;
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

    /**
     * The index to answer with: the current version's if it is built, else the previous one while the new one
     * is built in the background; the first index of a container is built before answering.
     */
    public CatalogIndex current() {
        CatalogIndex known = index;
        long version = snapshots.version();
        if (known != null && known.version() == version) {
            return known;
        }
        if (known == null) {
            synchronized (this) {
                if (index == null) {
                    build();
                }
                return index;
            }
        }
        CompletableFuture<CatalogIndex> rebuild = rebuild();
        return rebuild.isDone() && !rebuild.isCompletedExceptionally() ? rebuild.join() : known;
    }

    /** Starts a rebuild unless one is under way; a failed one is simply tried again by a later request. */
    private CompletableFuture<CatalogIndex> rebuild() {
        CompletableFuture<CatalogIndex> mine = new CompletableFuture<>();
        CompletableFuture<CatalogIndex> running = building.compareAndExchange(null, mine);
        if (running != null) {
            return running;
        }
        try {
            rebuilds.execute(() -> {
                try {
                    mine.complete(build());
                } catch (RuntimeException | Error e) {
                    mine.completeExceptionally(e);
                } finally {
                    building.compareAndSet(mine, null);
                }
            });
        } catch (RuntimeException rejected) {
            building.compareAndSet(mine, null);
            mine.completeExceptionally(rejected);
        }
        return mine;
    }

    /**
     * Builds the next index and makes it current: from the items of the current one with only what changed
     * since its version (read from the change log), or from a full load when the log does not reach back.
     */
    private CatalogIndex build() {
        CatalogIndex known = index;
        Map<String, CatalogItem> base = items;
        Optional<CatalogSnapshotStore.Changes> changes = known == null || base == null ? Optional.empty()
                : snapshots.changesSince(known.version());
        long version;
        Map<String, CatalogItem> next;
        if (changes.isPresent()) {
            next = new LinkedHashMap<>(base);
            changes.get().removed().forEach(next::remove);
            changes.get().upserted().forEach(item -> next.put(item.productId(), item));
            version = changes.get().version();
        } else {
            CatalogSnapshotStore.Snapshot snapshot = snapshots.load();
            next = new LinkedHashMap<>();
            snapshot.items().forEach(item -> next.put(item.productId(), item));
            version = snapshot.version();
        }
        List<CategoryTree.Node> tree = browse.tree();
        CatalogIndex built = CatalogIndex.build(version, List.copyOf(next.values()), CategoryTree.flatten(tree), browse.brands());
        items = next;
        index = built;
        return built;
    }
}

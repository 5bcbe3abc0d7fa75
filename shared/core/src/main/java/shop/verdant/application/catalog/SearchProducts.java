package shop.verdant.application.catalog;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import shop.verdant.application.catalog.port.CatalogSearch;
import shop.verdant.application.catalog.port.CatalogSnapshotStore;
import shop.verdant.domain.catalog.CategoryTree;
import shop.verdant.domain.catalog.search.BrandNames;
import shop.verdant.domain.catalog.search.CatalogIndex;
import shop.verdant.domain.catalog.search.CatalogIndexImage;
import shop.verdant.domain.catalog.search.CatalogItem;
import shop.verdant.domain.catalog.search.CatalogView;
import shop.verdant.domain.catalog.search.SegmentedIndex;
import shop.verdant.domain.catalog.search.ProductQuery;
import shop.verdant.domain.catalog.search.SearchResult;
import shop.verdant.domain.common.ValidationException;

/**
 * Catalog search over an in-memory index of the snapshot. Each call costs one version read from the
 * snapshot store. When a write moved the version, the index catches up by {@code updates}, off the request
 * path: it reads only what changed since its version (the store's change log) and applies it as a new overlay
 * over the same base ({@link SegmentedIndex}), which costs what the overlay holds, not the catalog; only a
 * container that fell behind the trimmed log reloads everything. Until the new version is ready, requests are
 * answered from the older one, never from a half-applied one (each version is an immutable object swapped in
 * one step). When the overlay grows past {@link #compactAt}, {@code compactions} folds it into a new base, and
 * the changes applied meanwhile stay in the overlay over it. Only a container with no index at all waits for its
 * first build. With synchronous executors ({@link Runnable#run}) a write is visible on the very next request.
 */
public final class SearchProducts implements CatalogSearch {
    private final CatalogSnapshotStore snapshots;
    private final BrowseCategories browse;
    private final Executor updates;
    private final Executor compactions;
    private volatile SegmentedIndex index;
    /** The update under way, if any: at most one at a time. */
    private final AtomicReference<CompletableFuture<SegmentedIndex>> updating = new AtomicReference<>();
    private final AtomicBoolean compacting = new AtomicBoolean();
    /** Held while a new version is made current, so an update and a compaction's swap never interleave. */
    private final Object swap = new Object();

    /** Updates and compacts inline: a write is visible on the next request. */
    public SearchProducts(CatalogSnapshotStore snapshots, BrowseCategories browse) {
        this(snapshots, browse, Runnable::run, Runnable::run);
    }

    public SearchProducts(CatalogSnapshotStore snapshots, BrowseCategories browse, Executor updates, Executor compactions) {
        this.snapshots = snapshots;
        this.browse = browse;
        this.updates = updates;
        this.compactions = compactions;
    }

    /** A page of results, labelled by the catalog version that produced it. */
    @Override
    public Answer search(ProductQuery query) {
        CatalogView current = current();
        if (query.categoryId() != null && !current.hasCategory(query.categoryId())) {
            throw ValidationException.of("category", "no category has the id '" + query.categoryId() + "'");
        }
        return new Answer(current.search(query), current);
    }

    @Override
    public List<CatalogItem> related(String productId, int limit) {
        return current().related(productId, limit);
    }

    @Override
    public CategoryTree categories() {
        return current().categories();
    }

    @Override
    public BrandNames labels() {
        return current();
    }

    /**
     * The catalog to answer with: the current version's if it is ready, else the previous one while the new one
     * is made in the background; the first index of a container is built before answering.
     */
    public CatalogView current() {
        SegmentedIndex known = index;
        long version = snapshots.version();
        if (known != null && known.version() == version) {
            return known;
        }
        if (known == null) {
            synchronized (this) {
                if (index == null) {
                    update();
                }
                return index;
            }
        }
        CompletableFuture<SegmentedIndex> update = startUpdate();
        return update.isDone() && !update.isCompletedExceptionally() ? update.join() : known;
    }

    /** The overlay size past which the base is compacted: a sixteenth of the base, within [64, 2,000]. */
    static int compactAt(int baseSize) {
        return Math.max(64, Math.min(2_000, baseSize / 16));
    }

    /** Starts an update unless one is under way; a failed one is simply tried again by a later request. */
    private CompletableFuture<SegmentedIndex> startUpdate() {
        CompletableFuture<SegmentedIndex> mine = new CompletableFuture<>();
        CompletableFuture<SegmentedIndex> running = updating.compareAndExchange(null, mine);
        if (running != null) {
            return running;
        }
        try {
            updates.execute(() -> {
                try {
                    mine.complete(update());
                } catch (RuntimeException | Error e) {
                    mine.completeExceptionally(e);
                } finally {
                    updating.compareAndSet(mine, null);
                }
            });
        } catch (RuntimeException rejected) {
            updating.compareAndSet(mine, null);
            mine.completeExceptionally(rejected);
        }
        return mine;
    }

    /**
     * Makes the next version current: the current one with what changed since (read from the change log), or a
     * full load when there is no index yet or the log does not reach back. Then compacts if the overlay grew.
     */
    private SegmentedIndex update() {
        SegmentedIndex next;
        synchronized (swap) {
            SegmentedIndex known = index;
            Optional<CatalogSnapshotStore.Changes> changes = known == null ? Optional.empty()
                    : snapshots.changesSince(known.version());
            if (changes.isPresent()) {
                next = known.apply(changes.get().version(), changes.get().upserted(), changes.get().removed());
            } else {
                next = known == null ? fromImage() : null;
                if (next == null) {
                    CatalogSnapshotStore.Snapshot snapshot = snapshots.load();
                    List<CategoryTree.Node> tree = browse.tree();
                    CatalogIndex built = CatalogIndex.build(snapshot.version(), snapshot.items(),
                            CategoryTree.flatten(tree), browse.brands());
                    next = SegmentedIndex.of(built);
                    publishImage(built);
                }
            }
            index = next;
        }
        SegmentedIndex made = next;
        if (made.overlaySize() > compactAt(made.size()) && compacting.compareAndSet(false, true)) {
            try {
                compactions.execute(() -> compact(made));
            } catch (RuntimeException rejected) {
                compacting.set(false);
            }
        }
        return index;
    }

    /**
     * A fresh container's first index from the published image and the changes since it, or null when there is
     * none or the log no longer reaches back to it (the tree or brands changed since, or too much).
     */
    private SegmentedIndex fromImage() {
        Optional<byte[]> image = snapshots.image();
        if (image.isEmpty()) {
            return null;
        }
        CatalogIndex base = CatalogIndexImage.read(image.get(), browse.categoryTree(), browse.brands());
        if (base == null) {
            return null;
        }
        Optional<CatalogSnapshotStore.Changes> since = snapshots.changesSince(base.version());
        return since.map(c -> SegmentedIndex.of(base).apply(c.version(), c.upserted(), c.removed())).orElse(null);
    }

    /** An image is an optimisation: when Redis refuses it, a fresh container builds from the items as before. */
    private void saveImage(CatalogIndex base) {
        try {
            snapshots.saveImage(base.version(), CatalogIndexImage.write(base));
        } catch (RuntimeException e) {
            // the next build or compaction tries again; nothing waits on it
        }
    }

    /** Publishes {@code base} as the image fresh containers start from, on the compaction thread. */
    private void publishImage(CatalogIndex base) {
        try {
            compactions.execute(() -> saveImage(base));
        } catch (RuntimeException rejected) {
            // likewise
        }
    }

    /** Builds one base from {@code from}'s live products and swaps it in under whatever was applied meanwhile. */
    private void compact(SegmentedIndex from) {
        try {
            CatalogIndex compacted = from.compacted();
            synchronized (swap) {
                SegmentedIndex now = index;
                if (now.sameBase(from)) {
                    index = now.rebase(compacted);
                }
            }
            saveImage(compacted);
        } finally {
            compacting.set(false);
        }
    }
}

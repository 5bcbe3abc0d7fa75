package shop.verdant.domain.catalog.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import shop.verdant.domain.catalog.CategoryTree;

/**
 * The catalog as search engines keep an index that changes: an immutable base segment, a small overlay
 * segment with the products written since the base was built, and tombstones that hide the base's stale
 * copies of them (and the removed ones). Applying a change builds only a new overlay (its cost grows with
 * the overlay, not the catalog); {@link #rebase} swaps in a base compacted off the request path. Every
 * instance is immutable, and each answers exactly as one index built from all its live products would.
 */
public final class SegmentedIndex implements CatalogView {

    private final long version;
    private final CatalogIndex base;
    /** Base documents that still count; null when all do. */
    private final Bits baseLive;
    private final CatalogIndex overlay;
    /** What the overlay holds, by id: products added or changed since the base. */
    private final Map<String, CatalogItem> written;
    /** Base products removed since the base. */
    private final Set<String> removed;
    private final int size;
    /** Per facet dimension, the values some live document carries. */
    private final Map<String, Set<String>> liveValues;
    private final Set<String> facetedAttributes;

    private SegmentedIndex(long version, CatalogIndex base, Map<String, CatalogItem> written, Set<String> removed) {
        this.version = version;
        this.base = base;
        this.written = written;
        this.removed = removed;
        this.overlay = base.sibling(version, List.copyOf(written.values()));
        Bits live = null;
        int hidden = 0;
        Map<String, int[]> counts = new HashMap<>();
        Map<String, CatalogIndex.Dimension> dimensions = base.dimensions();
        dimensions.forEach((key, d) -> counts.put(key, Arrays.copyOf(d.counts, d.values.size())));
        for (String id : tombstoned(written.keySet(), removed)) {
            int d = base.docOf(id);
            if (d < 0) {
                continue;
            }
            if (live == null) {
                live = Bits.all(base.size());
            }
            live.clear(d);
            hidden++;
            for (Map.Entry<String, CatalogIndex.Dimension> e : dimensions.entrySet()) {
                int ordinal = e.getValue().ordinalOf[d];
                if (ordinal >= 0) {
                    counts.get(e.getKey())[ordinal]--;
                }
            }
        }
        this.baseLive = live;
        this.size = base.size() - hidden + overlay.size();
        this.liveValues = new HashMap<>();
        counts.forEach((key, perValue) -> {
            List<String> values = dimensions.get(key).values;
            for (int v = 0; v < perValue.length; v++) {
                if (perValue[v] > 0) {
                    liveValues.computeIfAbsent(key, k -> new HashSet<>()).add(values.get(v));
                }
            }
        });
        overlay.dimensions().forEach((key, d) -> liveValues.computeIfAbsent(key, k -> new HashSet<>()).addAll(d.values));
        this.facetedAttributes = new HashSet<>();
        liveValues.forEach((key, values) -> {
            if (key.startsWith("attr:") && values.size() <= CatalogIndex.MAX_FACETED_ATTRIBUTE_VALUES) {
                facetedAttributes.add(key.substring(5));
            }
        });
    }

    private static Iterable<String> tombstoned(Set<String> written, Set<String> removed) {
        List<String> out = new ArrayList<>(written.size() + removed.size());
        out.addAll(written);
        out.addAll(removed);
        return out;
    }

    /** A catalog that is just {@code base}. */
    public static SegmentedIndex of(CatalogIndex base) {
        return new SegmentedIndex(base.version(), base, Map.of(), Set.of());
    }

    /** This catalog with the products written (as they are now) and the ids removed, as of {@code newVersion}. */
    public SegmentedIndex apply(long newVersion, Collection<CatalogItem> upserted, Collection<String> removedIds) {
        Map<String, CatalogItem> nextWritten = new LinkedHashMap<>(written);
        Set<String> nextRemoved = new HashSet<>(removed);
        for (String id : removedIds) {
            nextWritten.remove(id);
            if (base.docOf(id) >= 0) {
                nextRemoved.add(id);
            }
        }
        for (CatalogItem item : upserted) {
            nextRemoved.remove(item.productId());
            nextWritten.put(item.productId(), item);
        }
        return new SegmentedIndex(newVersion, base, nextWritten, nextRemoved);
    }

    /**
     * This catalog over {@code compacted}, a base built from the live products of an earlier state of this
     * catalog (its {@link #items}); what was written or removed since then stays in the overlay.
     */
    public SegmentedIndex rebase(CatalogIndex compacted) {
        Map<String, CatalogItem> nextWritten = new LinkedHashMap<>();
        written.forEach((id, item) -> {
            if (!item.equals(compacted.get(id))) {
                nextWritten.put(id, item);
            }
        });
        Set<String> nextRemoved = new HashSet<>();
        for (String id : removed) {
            if (compacted.docOf(id) >= 0) {
                nextRemoved.add(id);
            }
        }
        // A base product removed after the compaction's state was taken is in neither set of it:
        for (int d = 0; d < compacted.size(); d++) {
            String id = compacted.doc(d).productId();
            if (get(id) == null) {
                nextRemoved.add(id);
            }
        }
        return new SegmentedIndex(version, compacted, nextWritten, nextRemoved);
    }

    /** Whether {@code other} is a version over the same base segment as this one (a compaction of it still fits). */
    public boolean sameBase(SegmentedIndex other) {
        return base == other.base;
    }

    /** Products the overlay holds plus tombstones: what compaction would fold into the base. */
    public int overlaySize() {
        return written.size() + removed.size();
    }

    /** Every live product, for building a compacted base. */
    public List<CatalogItem> items() {
        List<CatalogItem> out = new ArrayList<>(size);
        for (int d = 0; d < base.size(); d++) {
            if (baseLive == null || baseLive.get(d)) {
                out.add(base.doc(d));
            }
        }
        out.addAll(written.values());
        return out;
    }

    /** A compacted base of this catalog: one index over all its live products. */
    public CatalogIndex compacted() {
        return base.sibling(version, items());
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public CategoryTree categories() {
        return base.categories();
    }

    @Override
    public CatalogItem get(String productId) {
        CatalogItem item = written.get(productId);
        if (item != null) {
            return item;
        }
        return removed.contains(productId) ? null : base.get(productId);
    }

    @Override
    public String brandName(String brandId) {
        return base.brandName(brandId);
    }

    @Override
    public SearchResult search(ProductQuery query) {
        if (overlaySize() == 0) {
            return base.search(query).withVersion(version);
        }
        List<CatalogIndex.Partial> parts = List.of(
                base.partial(query, baseLive, facetedAttributes),
                overlay.partial(query, null, facetedAttributes));
        return CatalogIndex.merge(query, parts, version, base.categories(), base::brandName,
                (dimension, value) -> liveValues.getOrDefault(dimension, Set.of()).contains(value), facetedAttributes);
    }

    @Override
    public List<CatalogItem> related(String productId, int limit) {
        CatalogItem self = get(productId);
        return self == null ? List.of()
                : CatalogIndex.related(self, limit, base.categories(), List.of(base, overlay), Arrays.asList(baseLive, null));
    }
}

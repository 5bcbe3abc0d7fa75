package shop.verdant.domain.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import shop.verdant.testing.CatalogFixtures;
import shop.verdant.testing.RandomCatalogs;

/**
 * Base + overlay + tombstones must answer exactly as one index built from scratch over the same products,
 * after any sequence of upserts, removals, stock crossings and category moves, with compactions anywhere
 * in it (also one started from an older version and swapped in later, as the background compaction does).
 */
class SegmentedIndexProperties {

    @Property(tries = 150)
    void anIncrementalIndexAnswersAsAFullRebuild(@ForAll @IntRange(min = 0, max = 250) int size,
                                                 @ForAll @IntRange(min = 1, max = 60) int writes, @ForAll long seed) {
        Random r = new Random(seed);
        Map<String, CatalogItem> truth = new LinkedHashMap<>();
        RandomCatalogs.items(r, size).forEach(i -> truth.put(i.productId(), i));
        long version = 1;
        SegmentedIndex live = SegmentedIndex.of(full(version, truth));
        SegmentedIndex compactingFrom = null;
        for (int w = 0; w < writes; w++) {
            List<CatalogItem> upserted = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            int batch = 1 + r.nextInt(4);
            for (int b = 0; b < batch; b++) {
                String id = "p" + r.nextInt(size + 20);
                CatalogItem now = truth.get(id);
                switch (r.nextInt(5)) {
                    case 0 -> {   // removed, or out of stock and so out of the snapshot
                        truth.remove(id);
                        upserted.removeIf(i -> i.productId().equals(id));
                        removed.add(id);
                    }
                    case 1 -> {   // moved to another category
                        CatalogItem moved = now == null ? RandomCatalogs.item(r, id) : new CatalogItem(id, now.name(),
                                now.description(), now.brandId(), now.colour(),
                                RandomCatalogs.CATEGORY_IDS.get(r.nextInt(RandomCatalogs.CATEGORY_IDS.size())),
                                now.attributes(), now.priceMinor(), now.currency(), now.image(), now.createdAtMillis(), true);
                        put(truth, upserted, removed, moved);
                    }
                    default -> put(truth, upserted, removed, RandomCatalogs.item(r, id));   // new, edited, back in stock
                }
            }
            version++;
            live = live.apply(version, upserted, removed);
            int step = r.nextInt(8);
            if (step == 0) {
                live = live.rebase(live.compacted());
            } else if (step == 1 && compactingFrom == null) {
                compactingFrom = live;              // a compaction starts here and lands a few writes later
            } else if (step == 2 && compactingFrom != null) {
                if (live.sameBase(compactingFrom)) {
                    live = live.rebase(compactingFrom.compacted());
                }
                compactingFrom = null;
            }
            if (r.nextInt(3) == 0 || w == writes - 1) {
                assertSameAnswers(r, live, full(version, truth));
            }
        }
    }

    private static void put(Map<String, CatalogItem> truth, List<CatalogItem> upserted, List<String> removed, CatalogItem item) {
        truth.put(item.productId(), item);
        removed.remove(item.productId());
        upserted.removeIf(i -> i.productId().equals(item.productId()));
        upserted.add(item);
    }

    private static CatalogIndex full(long version, Map<String, CatalogItem> items) {
        List<CatalogItem> shuffled = new ArrayList<>(items.values());
        java.util.Collections.shuffle(shuffled, new Random(version));   // document order must not matter
        return CatalogIndex.build(version, shuffled, CatalogFixtures.CATEGORIES, CatalogFixtures.BRANDS);
    }

    private static void assertSameAnswers(Random r, SegmentedIndex incremental, CatalogIndex rebuilt) {
        assertThat(incremental.size()).isEqualTo(rebuilt.size());
        for (int k = 0; k < 12; k++) {
            ProductQuery q = RandomCatalogs.query(r);
            assertThat(incremental.search(q)).as("%s", q).isEqualTo(rebuilt.search(q));
        }
        for (int k = 0; k < 3 && rebuilt.size() > 0; k++) {
            String id = "p" + r.nextInt(rebuilt.size() + 20);
            assertThat(incremental.get(id)).isEqualTo(rebuilt.get(id));
            int limit = 1 + r.nextInt(8);
            assertThat(incremental.related(id, limit)).as("related to %s", id).isEqualTo(rebuilt.related(id, limit));
        }
    }
}

package shop.verdant.application.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import shop.verdant.domain.catalog.search.ProductQuery;
import shop.verdant.testing.CatalogFixtures;
import shop.verdant.testing.InMemoryCatalog;

/** A write's rebuild happens off the request path: requests meanwhile get the older, whole index, never wait. */
class SearchRebuildTest {
    /** An executor that only queues: the test decides when the rebuild runs. */
    static final class Queued implements Executor {
        final List<Runnable> tasks = new ArrayList<>();

        @Override
        public synchronized void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            List<Runnable> now;
            synchronized (this) {
                now = new ArrayList<>(tasks);
                tasks.clear();
            }
            now.forEach(Runnable::run);
        }
    }

    static long bamboo(SearchProducts search) {
        return search.search(new ProductQuery("bamboo", null, null, null, null, null, null, null, 24, 0)).result().total();
    }

    @Test
    void aRequestDuringARebuildIsAnsweredFromTheOlderIndex_andTheNewOneReplacesItWhole() {
        InMemoryCatalog catalog = InMemoryCatalog.withFixtures();
        Queued rebuilds = new Queued();
        SearchProducts search = new SearchProducts(catalog.snapshots, catalog.browse, rebuilds, Runnable::run);
        long before = bamboo(search);                          // the first index of a container is built at once
        assertThat(rebuilds.tasks).isEmpty();
        long v1 = search.current().version();

        catalog.manage.saveProduct(CatalogFixtures.product("p99", "Bamboo Lunch Box", "bambu", "green", "cups", 1899, 12, 9000,
                Map.of("material", "bamboo")));
        int loads = catalog.snapshots.loads.get();
        assertThat(bamboo(search)).as("answered from the older index").isEqualTo(before);
        assertThat(bamboo(search)).isEqualTo(before);
        assertThat(search.current().version()).isEqualTo(v1);
        assertThat(rebuilds.tasks).as("one rebuild however many requests ask").hasSize(1);
        assertThat(catalog.snapshots.loads.get()).as("no request loaded the snapshot").isEqualTo(loads);

        rebuilds.runAll();
        assertThat(catalog.snapshots.loads.get()).as("the rebuild read only what changed, not the whole snapshot").isEqualTo(loads);
        assertThat(bamboo(search)).as("the new index, whole").isEqualTo(before + 1);
        assertThat(search.current().version()).isGreaterThan(v1);
        assertThat(rebuilds.tasks).isEmpty();
    }

    @Test
    void aFailedRebuildKeepsTheOlderIndexAnswering_andIsTriedAgain() {
        InMemoryCatalog catalog = InMemoryCatalog.withFixtures();
        List<Runnable> failing = new ArrayList<>();
        Executor broken = task -> failing.add(task);
        SearchProducts search = new SearchProducts(catalog.snapshots, catalog.browse, broken, Runnable::run);
        long before = bamboo(search);
        catalog.manage.saveProduct(CatalogFixtures.product("p98", "Bamboo Straw Set", "bambu", "natural", "cups", 599, 40, 9100,
                Map.of("material", "bamboo")));
        bamboo(search);
        // the snapshot store fails while the rebuild runs: the error stays in the background, the old index answers
        catalog.snapshots.failLoads(true);
        failing.remove(0).run();
        assertThat(bamboo(search)).isEqualTo(before);
        assertThat(failing).as("the next request starts another try").hasSize(1);
        catalog.snapshots.failLoads(false);
        failing.remove(0).run();
        assertThat(bamboo(search)).isEqualTo(before + 1);
    }

    @Test
    void aRebuildAppliesOnlyWhatChanged_removalsToo_andLoadsEverythingWhenTheLogCannotSay() {
        InMemoryCatalog catalog = InMemoryCatalog.withFixtures();
        SearchProducts search = new SearchProducts(catalog.snapshots, catalog.browse);   // rebuilds inline
        long before = bamboo(search);
        int loads = catalog.snapshots.loads.get();
        catalog.manage.saveProduct(CatalogFixtures.product("p97", "Bamboo Soap Dish", "bambu", "natural", "cups", 799, 20, 9200,
                Map.of("material", "bamboo")));
        catalog.snapshots.remove("p1");   // the bamboo toothbrush leaves the catalog
        assertThat(bamboo(search)).isEqualTo(before);   // one added, one removed
        assertThat(search.current().search(new ProductQuery("toothbrush", null, null, null, null, null, null, null, 24, 0))
                .items()).noneMatch(i -> i.productId().equals("p1"));
        assertThat(catalog.snapshots.loads.get()).as("changes only").isEqualTo(loads);
        // a full republish starts the log afresh: the next rebuild loads everything, and agrees
        catalog.manage.rebuildSnapshot();
        long full = bamboo(search);
        assertThat(catalog.snapshots.loads.get()).isEqualTo(loads + 1);
        assertThat(full).isEqualTo(new SearchProducts(catalog.snapshots, catalog.browse).search(
                new ProductQuery("bamboo", null, null, null, null, null, null, null, 24, 0)).result().total());
    }

    @Test
    void aGrownOverlayIsCompactedInTheBackground_andWritesMeanwhileStayVisible() {
        InMemoryCatalog catalog = InMemoryCatalog.withFixtures();
        Queued compactions = new Queued();
        SearchProducts search = new SearchProducts(catalog.snapshots, catalog.browse, Runnable::run, compactions);
        long before = bamboo(search);
        compactions.runAll();   // the first build's image, published on the same thread
        int overlay = SearchProducts.compactAt(search.current().size()) + 1;
        for (int i = 0; i < overlay; i++) {
            catalog.manage.saveProduct(CatalogFixtures.product("b" + i, "Bamboo Tray " + i, "bambu", "natural", "cups", 999, 5,
                    9300 + i, Map.of("material", "bamboo")));
            bamboo(search);
        }
        assertThat(compactions.tasks).as("one compaction queued, however many writes follow").hasSize(1);
        catalog.manage.saveProduct(CatalogFixtures.product("late", "Bamboo Late Tray", "bambu", "natural", "cups", 999, 5,
                99_000, Map.of("material", "bamboo")));
        catalog.snapshots.remove("p1");
        long during = bamboo(search);
        assertThat(during).isEqualTo(before + overlay);   // +overlay, +late, -p1 (the bamboo toothbrush)
        int loads = catalog.snapshots.loads.get();
        compactions.runAll();
        assertThat(catalog.snapshots.loads.get()).as("compaction reads nothing from the store").isEqualTo(loads);
        assertThat(bamboo(search)).as("the write after the compaction started survives it").isEqualTo(during);
        assertThat(search.current().get("late")).isNotNull();
        assertThat(search.current().get("p1")).isNull();
        SearchProducts fresh = new SearchProducts(catalog.snapshots, catalog.browse);
        ProductQuery all = new ProductQuery(null, null, null, null, null, null, null, null, 100, 0);
        assertThat(search.search(all).result().items()).isEqualTo(fresh.search(all).result().items());
    }
}

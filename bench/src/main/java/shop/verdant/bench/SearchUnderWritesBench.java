package shop.verdant.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import shop.verdant.adapter.opensearch.OpenSearchCatalog;
import shop.verdant.adapter.opensearch.OpenSearchHttp;
import shop.verdant.adapter.redis.RedisCatalogSnapshotStore;
import shop.verdant.application.catalog.BrowseCategories;
import shop.verdant.application.catalog.SearchProducts;
import shop.verdant.application.catalog.port.CatalogSnapshotStore;
import shop.verdant.domain.catalog.CategoryTree;
import shop.verdant.domain.catalog.search.CatalogIndex;
import shop.verdant.domain.catalog.search.CatalogItem;
import shop.verdant.domain.catalog.search.ProductQuery;
import shop.verdant.domain.catalog.search.SearchResult;
import shop.verdant.local.OpenSearchEngine;
import shop.verdant.local.RedisEngine;

/**
 * Searches while the catalog changes, in one run per catalog size: 4 threads search a mixed workload without
 * pause while a writer changes 20 products a second, then writes a burst of 5,000 (a CSV import). Reported per
 * backend: search p50/p99 in the steady phase and in the burst, and write-to-visible (from the write's return to
 * the first search that finds it). Backends: (a) the baseline, as before the change log: a search that sees a new
 * version reloads the whole snapshot and rebuilds, and the others wait for it; (b) the incremental index
 * (overlay + background compaction), as the catalog functions run it; (c) OpenSearch in this JVM, written as the
 * Products stream consumer writes it (the stream's own delay is not in the figure).
 */
final class SearchUnderWritesBench {
    private static final int SEARCHERS = 4;
    private static final int STEADY_SECONDS = 10;
    private static final int WRITES_PER_SECOND = 20;
    private static final int BURST = 5_000;

    /** One way of answering searches and taking writes. */
    private interface Backend extends AutoCloseable {
        SearchResult search(ProductQuery q);

        void write(CatalogItem item);

        @Override
        default void close() throws Exception {
        }
    }

    /** {@code writingSeconds}: how long the writes took to send; {@code unseen}: watched writes not found within 60 s. */
    private record Phase(Stats search, Stats visible, double writingSeconds, int unseen) {
        @Override
        public String toString() {
            return String.format("search %s; write visible %s%s (writes sent in %.1f s)", search, visible,
                    unseen == 0 ? "" : ", " + unseen + " not visible within 60 s", writingSeconds);
        }
    }

    static void run(int[] sizes) throws Exception {
        System.out.println("== search under writes: " + SEARCHERS + " searching threads, a writer at " + WRITES_PER_SECOND
                + " products/s for " + STEADY_SECONDS + " s, then a burst of " + BURST + " writes");
        String password = "bench-" + System.nanoTime();
        int port = free();
        try (RedisEngine engine = RedisEngine.start(port, null, password);
             JedisPooled redis = new JedisPooled(new HostAndPort("127.0.0.1", port),
                     DefaultJedisClientConfig.builder().password(password).build())) {
            redis.configSet("maxmemory", "0");
            for (int n : sizes) {
                SyntheticCatalog c = new SyntheticCatalog();
                List<CatalogItem> items = c.items(n, 5);
                List<ProductQuery> queries = SearchBench.mixedWorkload(c, 240, 9);
                BrowseCategories browse = RebuildBench.browse(c);
                System.out.printf("  %,d products%n", n);
                memory(items, c);
                // past 200k one full rebuild takes tens of seconds (~25 s at 1M): the baseline would only measure that
                Phase[] baseline = n > 200_000 ? null : measure("(a) full rebuild (baseline)", items, queries, () -> {
                    RedisCatalogSnapshotStore store = fresh(redis, items);
                    return new Baseline(store, c);
                });
                Phase[] incremental = measure("(b) incremental index", items, queries, () -> {
                    RedisCatalogSnapshotStore store = fresh(redis, items);
                    SearchProducts search = new SearchProducts(store, browse, daemon("update"), daemon("compaction"));
                    return backend(q -> search.search(q).result(), store::upsert);
                });
                long redisBytes = redis.memoryUsage("catalog:items:bin") + redis.memoryUsage("catalog:changes");
                System.out.printf("      Redis: snapshot + change log %,d bytes (%.0f bytes a product)%n", redisBytes, (double) redisBytes / n);
                Phase[] os = measure("(c) OpenSearch", items, queries, () -> {
                    OpenSearchEngine engine2 = OpenSearchEngine.start(free(), free(), null);
                    CategoryTree tree = CategoryTree.of(c.categories);
                    OpenSearchCatalog catalog = new OpenSearchCatalog(OpenSearchHttp.unsigned(engine2.url()), "products",
                            () -> tree, browse::brandNames);
                    catalog.ensureIndex(0);
                    catalog.replaceAll(items);
                    return new Backend() {
                        public SearchResult search(ProductQuery q) {
                            return catalog.search(q).result();
                        }

                        public void write(CatalogItem item) {
                            catalog.put(item);
                        }

                        public void close() throws Exception {
                            engine2.close();
                        }
                    };
                });
                if (baseline != null) {
                    System.out.printf("    steady p99: incremental %.2f ms vs baseline %.1f ms (%.0fx); OpenSearch %.1f ms%n",
                            incremental[0].search().p99Millis(), baseline[0].search().p99Millis(),
                            baseline[0].search().p99Millis() / incremental[0].search().p99Millis(), os[0].search().p99Millis());
                }
            }
        }
    }

    /** Heap the items take, and what one index over them adds (after full collections; approximate, per product). */
    private static void memory(List<CatalogItem> items, SyntheticCatalog c) {
        long before = usedAfterGc();
        List<CatalogItem> copy = new ArrayList<>();
        for (CatalogItem i : items) {
            copy.add(shop.verdant.domain.catalog.search.CatalogItemCodec.decode(
                    shop.verdant.domain.catalog.search.CatalogItemCodec.encode(i)));
        }
        long withItems = usedAfterGc();
        CatalogIndex index = CatalogIndex.build(1, copy, c.categories, c.brands);
        long withIndex = usedAfterGc();
        System.out.printf("      heap: items %,.0f bytes a product; the index on top of them %,.0f bytes a product (%d docs)%n",
                (double) (withItems - before) / items.size(), (double) (withIndex - withItems) / items.size(), index.size());
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            sleep(100);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private interface Factory {
        Backend make() throws Exception;
    }

    private static Phase[] measure(String name, List<CatalogItem> items, List<ProductQuery> queries, Factory factory)
            throws Exception {
        try (Backend backend = factory.make()) {
            long warm = System.nanoTime() + 3_000_000_000L;
            for (int i = 0; System.nanoTime() < warm; i++) {
                backend.search(queries.get(i % queries.size()));
            }
            Phase steady = load(backend, items, queries, STEADY_SECONDS * WRITES_PER_SECOND, 1_000 / WRITES_PER_SECOND);
            Phase burst = load(backend, items, queries, BURST, 0);
            System.out.printf("    %-30s steady: %s%n", name, steady);
            System.out.printf("    %-30s burst:  %s%n", "", burst);
            System.out.flush();
            return new Phase[] {steady, burst};
        }
    }

    /** {@code writes} changes, {@code pauseMillis} apart, under 4 searching threads; every 10th is watched until found. */
    private static Phase load(Backend backend, List<CatalogItem> items, List<ProductQuery> queries, int writes,
                              long pauseMillis) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Long> searchNanos = new ConcurrentLinkedQueue<>();
        List<Thread> searchers = new ArrayList<>();
        for (int t = 0; t < SEARCHERS; t++) {
            int offset = t * 37;
            Thread s = new Thread(() -> {
                for (int i = offset; running.get(); i++) {
                    long t0 = System.nanoTime();
                    backend.search(queries.get(i % queries.size()));
                    searchNanos.add(System.nanoTime() - t0);
                }
            });
            s.start();
            searchers.add(s);
        }
        List<Long> visible = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger unseen = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> watchers = new ArrayList<>();
        // distinct products, so no later write takes a watched one's token away
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new java.util.Random(writes));
        long started = System.nanoTime();
        for (int w = 0; w < writes; w++) {
            CatalogItem base = items.get(order.get(w % order.size()));
            boolean watch = w % 10 == 0 || w == writes - 1;
            String token = "zvis" + System.nanoTime();
            CatalogItem changed = new CatalogItem(base.productId(), watch ? base.name() + " " + token : base.name(),
                    base.description(), base.brandId(), base.colour(), base.categoryId(), base.attributes(),
                    base.priceMinor() + 100, base.currency(), base.image(), base.createdAtMillis(), base.inStock());
            backend.write(changed);
            long written = System.nanoTime();
            if (watch) {
                Thread watcher = new Thread(() -> {
                    ProductQuery find = new ProductQuery(token, null, null, null, null, null, Map.of(), null, 1, 0);
                    long deadline = written + 60_000_000_000L;
                    while (backend.search(find).total() == 0) {
                        if (System.nanoTime() > deadline) {
                            unseen.incrementAndGet();
                            return;
                        }
                        sleep(2);
                    }
                    visible.add(System.nanoTime() - written);
                });
                watcher.start();
                watchers.add(watcher);
            }
            if (pauseMillis > 0) {
                sleep(pauseMillis);
            }
        }
        double writing = (System.nanoTime() - started) / 1e9;
        for (Thread watcher : watchers) {
            watcher.join();
        }
        running.set(false);
        for (Thread s : searchers) {
            s.join();
        }
        return new Phase(Stats.of(searchNanos.stream().mapToLong(Long::longValue).toArray()),
                Stats.of(visible.stream().mapToLong(Long::longValue).toArray()), writing, unseen.get());
    }

    /** Searching as before the change log: a new version is loaded whole and rebuilt while the others wait. */
    private static final class Baseline implements Backend {
        private final CatalogSnapshotStore store;
        private final SyntheticCatalog catalog;
        private volatile CatalogIndex index;

        Baseline(CatalogSnapshotStore store, SyntheticCatalog catalog) {
            this.store = store;
            this.catalog = catalog;
        }

        public SearchResult search(ProductQuery q) {
            CatalogIndex current = index;
            if (current == null || current.version() != store.version()) {
                synchronized (this) {
                    if (index == null || index.version() != store.version()) {
                        CatalogSnapshotStore.Snapshot s = store.load();
                        index = CatalogIndex.build(s.version(), s.items(), catalog.categories, catalog.brands);
                    }
                    current = index;
                }
            }
            return current.search(q);
        }

        public void write(CatalogItem item) {
            store.upsert(item);
        }
    }

    private static Backend backend(java.util.function.Function<ProductQuery, SearchResult> search,
                                   java.util.function.Consumer<CatalogItem> write) {
        return new Backend() {
            public SearchResult search(ProductQuery q) {
                return search.apply(q);
            }

            public void write(CatalogItem item) {
                write.accept(item);
            }
        };
    }

    private static RedisCatalogSnapshotStore fresh(JedisPooled redis, List<CatalogItem> items) {
        redis.flushAll();
        RedisCatalogSnapshotStore store = new RedisCatalogSnapshotStore(redis);
        store.replaceAll(items);
        return store;
    }

    private static Executor daemon(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bench-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    private static int free() throws Exception {
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

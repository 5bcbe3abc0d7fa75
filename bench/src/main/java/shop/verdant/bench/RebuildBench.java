package shop.verdant.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import shop.verdant.application.catalog.BrowseCategories;
import shop.verdant.application.catalog.SearchProducts;
import shop.verdant.application.catalog.port.BrandRepository;
import shop.verdant.application.catalog.port.CatalogCache;
import shop.verdant.application.catalog.port.CatalogSnapshotStore;
import shop.verdant.application.catalog.port.CategoryRepository;
import shop.verdant.domain.catalog.Brand;
import shop.verdant.domain.catalog.Category;
import shop.verdant.domain.catalog.CategoryTree;
import shop.verdant.domain.catalog.Product;
import shop.verdant.domain.catalog.search.CatalogItem;
import shop.verdant.domain.catalog.search.ProductQuery;

/**
 * What one write costs the next search of a warm container: rebuilding on the request path (the synchronous
 * executor) against rebuilding in the background while the older index answers, same catalog, same run. The
 * snapshot is in memory here, so the figures are the index build alone (Redis' load comes on top of it).
 */
final class RebuildBench {
    private RebuildBench() {
    }

    static void run(int[] sizes) throws Exception {
        redis(sizes);
        System.out.println("\n== a write, then the next search: rebuild on the request path vs off it");
        for (int n : sizes) {
            SyntheticCatalog c = new SyntheticCatalog();
            List<CatalogItem> items = c.items(n, 7);
            ProductQuery q = new ProductQuery("bamboo", null, null, null, null, null, Map.of(), null, 24, 0);
            double inline = nextSearchAfterWrite(c, items, q, Runnable::run).medianMillis();
            ExecutorService background = Executors.newSingleThreadExecutor();
            try {
                Round off = nextSearchAfterWrite(c, items, q, background);
                long t = System.nanoTime();
                while (off.search().current().version() != off.store().version()) {
                    Thread.onSpinWait();
                }
                double caughtUp = (System.nanoTime() - t) / 1e6 + off.medianMillis();
                System.out.printf("  %,9d products: next search %8.1f ms with the rebuild on the request path; %6.2f ms off it "
                        + "(the new index serves after %,.0f ms)%n", n, inline, off.medianMillis(), caughtUp);
            } finally {
                background.shutdownNow();
            }
        }
    }

    /**
     * On Redis (the real store): the rebuild after one write of a warm container, applying only that change from
     * the log, against the same container loading the whole snapshot again (what it did before the log).
     */
    static void redis(int[] sizes) throws Exception {
        System.out.println("\n== on Redis: one write, the background rebuild: catch up from the change log vs reload everything");
        String password = "bench-" + System.nanoTime();
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        try (shop.verdant.local.RedisEngine engine = shop.verdant.local.RedisEngine.start(port, null, password);
             JedisPooled redis = new JedisPooled(new HostAndPort("127.0.0.1", port),
                     DefaultJedisClientConfig.builder().password(password).build())) {
            for (int n : sizes) {
                SyntheticCatalog c = new SyntheticCatalog();
                List<CatalogItem> items = c.items(n, 11);
                redis.flushAll();
                var store = new shop.verdant.adapter.redis.RedisCatalogSnapshotStore(redis);
                store.replaceAll(items);
                ProductQuery q = new ProductQuery("bamboo", null, null, null, null, null, Map.of(), null, 24, 0);
                // the log path: a warm index, one product written, the rebuild applies it
                SearchProducts warm = new SearchProducts(store, browse(c));
                warm.search(q);
                double[] log = new double[5];
                double[] full = new double[5];
                for (int i = 0; i < 5; i++) {
                    store.upsert(items.get(i));
                    long t = System.nanoTime();
                    warm.search(q);   // inline rebuild: the time is the rebuild's
                    log[i] = (System.nanoTime() - t) / 1e6;
                    // the reload path, as before the log: a full load and build at the same version
                    long t2 = System.nanoTime();
                    var snap = store.load();
                    shop.verdant.domain.catalog.search.CatalogIndex.build(snap.version(), snap.items(),
                            CategoryTree.flatten(CategoryTree.of(c.categories).roots()), c.brands);
                    full[i] = (System.nanoTime() - t2) / 1e6;
                }
                java.util.Arrays.sort(log);
                java.util.Arrays.sort(full);
                System.out.printf("  %,9d products: rebuild from the change log %7.1f ms; reload everything %7.1f ms (%.2fx)%n",
                        n, log[2], full[2], full[2] / log[2]);
            }
        }
    }

    /** The median first search after a write, and the store and search of the round (to watch the last rebuild). */
    private record Round(double medianMillis, Store store, SearchProducts search) {
    }

    /** Median over 5 writes of the first search after each. */
    private static Round nextSearchAfterWrite(SyntheticCatalog c, List<CatalogItem> items, ProductQuery q,
                                               java.util.concurrent.Executor rebuilds) throws Exception {
        Store store = new Store(items);
        SearchProducts search = new SearchProducts(store, browse(c), rebuilds, rebuilds);
        search.search(q);
        double[] ms = new double[5];
        for (int i = 0; i < ms.length; i++) {
            // let any rebuild of the previous round finish, then write
            while (search.current().version() != store.version()) {
                Thread.sleep(5);
            }
            store.bump();
            long t = System.nanoTime();
            search.search(q);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        java.util.Arrays.sort(ms);
        return new Round(ms[ms.length / 2], store, search);
    }

    static BrowseCategories browse(SyntheticCatalog c) {
        List<Category> categories = c.categories;
        List<Brand> brands = c.brands;
        CategoryRepository cats = new CategoryRepository() {
            public List<Category> findAll() {
                return categories;
            }

            public void save(Category category) {
                throw new UnsupportedOperationException();
            }

            public void delete(String categoryId) {
                throw new UnsupportedOperationException();
            }
        };
        BrandRepository brandRepo = new BrandRepository() {
            public List<Brand> findAll() {
                return brands;
            }

            public void save(Brand brand) {
                throw new UnsupportedOperationException();
            }
        };
        List<CategoryTree.Node> tree = CategoryTree.of(categories).roots();
        CatalogCache cache = new CatalogCache() {
            public Optional<Product> product(String productId) {
                return Optional.empty();
            }

            public void putProduct(Product product) {
            }

            public void evictProduct(String productId) {
            }

            public Optional<List<CategoryTree.Node>> categoryTree() {
                return Optional.of(tree);
            }

            public void putCategoryTree(List<CategoryTree.Node> roots) {
            }

            public void evictCategoryTree() {
            }

            public Optional<List<Brand>> brands() {
                return Optional.of(brands);
            }

            public void putBrands(List<Brand> b) {
            }

            public void evictBrands() {
            }
        };
        return new BrowseCategories(cats, brandRepo, cache);
    }

    /** The snapshot in memory: a write only moves the version (the index is rebuilt either way). */
    static final class Store implements CatalogSnapshotStore {
        private final List<CatalogItem> items;
        private volatile long version = 1;

        Store(List<CatalogItem> items) {
            this.items = new ArrayList<>(items);
        }

        void bump() {
            version++;
        }

        public long version() {
            return version;
        }

        public Snapshot load() {
            return new Snapshot(version, items);
        }

        public void upsert(CatalogItem item) {
            throw new UnsupportedOperationException();
        }

        public void remove(String productId) {
            throw new UnsupportedOperationException();
        }

        public void replaceAll(List<CatalogItem> all) {
            throw new UnsupportedOperationException();
        }

        public void bumpVersion() {
            version++;
        }
    }
}

package shop.verdant.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import shop.verdant.adapter.dynamodb.DynamoDb;
import shop.verdant.adapter.dynamodb.DynamoDbBrandRepository;
import shop.verdant.adapter.dynamodb.DynamoDbCategoryRepository;
import shop.verdant.adapter.dynamodb.DynamoDbProductRepository;
import shop.verdant.adapter.redis.RedisCatalogCache;
import shop.verdant.adapter.redis.RedisCatalogSnapshotStore;
import shop.verdant.application.catalog.BrowseCategories;
import shop.verdant.application.catalog.ManageCatalog;
import shop.verdant.application.catalog.SearchProducts;
import shop.verdant.application.catalog.ViewProduct;
import shop.verdant.domain.catalog.Category;
import shop.verdant.domain.catalog.Product;
import shop.verdant.domain.catalog.search.ProductQuery;
import shop.verdant.domain.catalog.search.SearchResult;
import shop.verdant.domain.catalog.search.SortOrder;
import shop.verdant.domain.common.ConflictException;
import shop.verdant.contract.Tables;
import shop.verdant.testing.CatalogFixtures;
import shop.verdant.testing.LocalEngines;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The catalog's adapters and services against DynamoDB Local and a real Redis. */
class CatalogOnRealEnginesTest {
    private static DynamoDbClient ddb;
    private static JedisPooled redis;

    private DynamoDbProductRepository products;
    private DynamoDbCategoryRepository categories;
    private ManageCatalog manage;
    private SearchProducts search;
    private ViewProduct view;
    private BrowseCategories browse;

    @BeforeAll
    static void engines() {
        ddb = LocalEngines.dynamoClient();
        redis = LocalEngines.redis();
    }

    @BeforeEach
    void freshCatalog() {
        redis.flushAll();
        products = new DynamoDbProductRepository(ddb, LocalEngines.createTable(ddb, Tables.PRODUCTS));
        categories = new DynamoDbCategoryRepository(ddb, LocalEngines.createTable(ddb, Tables.CATEGORIES));
        var brands = new DynamoDbBrandRepository(ddb, LocalEngines.createTable(ddb, Tables.BRANDS));
        var snapshots = new RedisCatalogSnapshotStore(redis);
        var cache = new RedisCatalogCache(redis);
        manage = new ManageCatalog(products, categories, brands, snapshots, cache);
        browse = new BrowseCategories(categories, brands, cache);
        search = new SearchProducts(snapshots, browse);
        view = new ViewProduct(products, cache, search);
        CatalogFixtures.BRANDS.forEach(manage::saveBrand);
        CatalogFixtures.CATEGORIES.forEach(manage::saveCategory);
        CatalogFixtures.products().forEach(manage::saveProduct);
    }

    private SearchResult find(String text) {
        return search.search(new ProductQuery(text, null, null, null, null, null, null, SortOrder.NAME, 24, 0)).result();
    }

    @Test
    void theChangeLogNamesWhatChangedSinceAVersion_untilItIsTrimmedOrRestarted() {
        var log = new RedisCatalogSnapshotStore(redis, 3);
        long v0 = log.version();
        var p9 = shop.verdant.domain.catalog.search.CatalogItem.from(CatalogFixtures.product("p9", "Bamboo Lunch Box", "terra",
                "natural", "cups", 1799, 3, 9000, java.util.Map.of()));
        log.upsert(p9);
        log.remove("p1");
        log.upsert(p9);   // changed twice: named once
        var changes = log.changesSince(v0).orElseThrow();
        assertThat(changes.version()).isEqualTo(v0 + 3);
        assertThat(changes.upserted()).extracting(i -> i.productId()).containsExactly("p9");
        assertThat(changes.removed()).containsExactly("p1");
        assertThat(log.changesSince(v0 + 3).orElseThrow().upserted()).isEmpty();
        // four more products change: a log of three no longer reaches back to v0, but does to v0 + 4
        for (String id : java.util.List.of("p2", "p3", "p4", "p5")) {
            log.remove(id);
        }
        assertThat(log.changesSince(v0)).as("trimmed").isEmpty();
        assertThat(log.changesSince(v0 + 4).orElseThrow().removed()).containsExactlyInAnyOrder("p3", "p4", "p5");
        // a full republish or a tree change starts the log afresh
        long before = log.version();
        log.bumpVersion();
        assertThat(log.changesSince(before)).isEmpty();
        assertThat(log.changesSince(log.version()).orElseThrow().removed()).isEmpty();
        manage.rebuildSnapshot();
        assertThat(log.changesSince(before + 1)).isEmpty();
    }

    @Test
    void aWarmSearchCatchesUpFromTheLog_andAgreesWithAFullLoad() {
        assertThat(find("bamboo").total()).isEqualTo(5);
        manage.saveProduct(CatalogFixtures.product("p9", "Bamboo Lunch Box", "terra", "natural", "cups", 1799, 3, 9000,
                java.util.Map.of("material", "bamboo")));
        var caughtUp = find("bamboo");
        var cold = new SearchProducts(new RedisCatalogSnapshotStore(redis), browse)
                .search(new ProductQuery("bamboo", null, null, null, null, null, null, SortOrder.NAME, 24, 0)).result();
        assertThat(caughtUp.total()).isEqualTo(6).isEqualTo(cold.total());
        assertThat(caughtUp.items()).extracting(i -> i.productId()).isEqualTo(cold.items().stream().map(i -> i.productId()).toList());
        assertThat(caughtUp.facets()).isEqualTo(cold.facets());
    }

    @Test
    void aContainerFallenBehindTheTrimmedLogReloadsEverything_andAgreesWithAFreshOne() {
        var shortLog = new RedisCatalogSnapshotStore(redis, 3);
        SearchProducts warm = new SearchProducts(shortLog, browse);
        ProductQuery q = new ProductQuery("bamboo", null, null, null, null, null, null, SortOrder.NAME, 24, 0);
        assertThat(warm.search(q).result().total()).isEqualTo(5);
        long behind = warm.current().version();
        for (int i = 0; i < 5; i++) {
            shortLog.upsert(shop.verdant.domain.catalog.search.CatalogItem.from(CatalogFixtures.product("t" + i,
                    "Bamboo Tray " + i, "bambu", "natural", "cups", 999, 4, 9_100 + i, Map.of())));
        }
        assertThat(shortLog.changesSince(behind)).as("the log no longer reaches back").isEmpty();
        var recovered = warm.search(q).result();
        assertThat(warm.current().version()).isEqualTo(shortLog.version());
        var fresh = new SearchProducts(new RedisCatalogSnapshotStore(redis), browse).search(q).result();
        assertThat(recovered.total()).isEqualTo(10);
        assertThat(recovered).isEqualTo(fresh);
    }

    @Test
    void aFreshContainerStartsFromThePublishedImage_catchesUpFromTheLog_andLoadsNoItems() {
        ProductQuery q = new ProductQuery("bamboo", null, null, null, null, null, null, SortOrder.NAME, 24, 0);
        var store = new RedisCatalogSnapshotStore(redis);
        new SearchProducts(store, browse).search(q);                 // the first container builds and publishes
        assertThat(store.image()).isPresent();
        manage.saveProduct(CatalogFixtures.product("p9", "Bamboo Lunch Box", "terra", "natural", "cups", 1799, 3, 9000,
                Map.of("material", "bamboo")));                        // a write after the image
        java.util.concurrent.atomic.AtomicInteger loads = new java.util.concurrent.atomic.AtomicInteger();
        var counting = new shop.verdant.application.catalog.port.CatalogSnapshotStore() {
            public long version() { return store.version(); }
            public Snapshot load() { loads.incrementAndGet(); return store.load(); }
            public java.util.Optional<Changes> changesSince(long v) { return store.changesSince(v); }
            public java.util.Optional<byte[]> image() { return store.image(); }
            public void saveImage(long v, byte[] image) { store.saveImage(v, image); }
            public void upsert(shop.verdant.domain.catalog.search.CatalogItem item) { store.upsert(item); }
            public void remove(String id) { store.remove(id); }
            public void replaceAll(java.util.List<shop.verdant.domain.catalog.search.CatalogItem> all) { store.replaceAll(all); }
            public void bumpVersion() { store.bumpVersion(); }
        };
        var fresh = new SearchProducts(counting, browse).search(q).result();
        assertThat(loads.get()).as("started from the image, not the items").isZero();
        assertThat(fresh.total()).isEqualTo(6);
        var all = store.load();
        assertThat(fresh).as("as a build from every item").isEqualTo(shop.verdant.domain.catalog.search.CatalogIndex.build(
                all.version(), all.items(), CatalogFixtures.CATEGORIES, CatalogFixtures.BRANDS).search(q));
        // a tree change restarts the log: the image no longer says enough, and a fresh container loads the items
        store.bumpVersion();
        new SearchProducts(counting, browse).search(q);
        assertThat(loads.get()).isEqualTo(1);
    }

    @Test
    void productsRoundTripThroughDynamoDbWithEveryField() {
        Product original = CatalogFixtures.products().get(1);
        Product stored = products.find("p2").orElseThrow();
        assertThat(stored).usingRecursiveComparison().ignoringFields("version").isEqualTo(original);
        assertThat(stored.version()).isEqualTo(1);
    }

    @Test
    void aStaleVersionIsRejectedByTheConditionalWrite() {
        Product stored = products.find("p1").orElseThrow();
        products.save(rename(stored, "Renamed once"));
        assertThatThrownBy(() -> products.save(rename(stored, "Renamed from stale copy"))).isInstanceOf(ConflictException.class);
        assertThat(products.find("p1").orElseThrow().name()).isEqualTo("Renamed once");
        assertThat(products.find("p1").orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void searchSeesAWriteOnTheNextRequest() {
        assertThat(find("bamboo").total()).isEqualTo(5);
        manage.saveProduct(CatalogFixtures.product("p9", "Bamboo Lunch Box", "terra", "natural", "cups", 1799, 3, 9000, Map.of()));
        assertThat(find("bamboo").total()).isEqualTo(6);
        assertThat(find("lunch").items()).extracting(i -> i.productId()).containsExactly("p9");
    }

    @Test
    void productPageCacheIsInvalidatedByAWrite() {
        assertThat(view.view("p2").product().name()).isEqualTo("Bamboo Water Bottle");
        assertThat(redis.exists("catalog:product:p2")).isTrue();
        manage.saveProduct(rename(products.find("p2").orElseThrow(), "Bamboo Water Bottle 1 l"));
        assertThat(redis.exists("catalog:product:p2")).isFalse();
        assertThat(view.view("p2").product().name()).isEqualTo("Bamboo Water Bottle 1 l");
        assertThat(find("1 l").items()).extracting(i -> i.productId()).contains("p2");
    }

    @Test
    void categoryTreeIsCachedInRedisAndInvalidatedByACategoryChange() {
        assertThat(browse.tree()).extracting(n -> n.categoryId()).containsExactly("kitchen", "bath");
        assertThat(redis.exists("catalog:category-tree")).isTrue();
        manage.saveCategory(new Category("garden", null, "Garden", 2));
        assertThat(redis.exists("catalog:category-tree")).isFalse();
        assertThat(browse.tree()).extracting(n -> n.categoryId()).containsExactly("kitchen", "bath", "garden");
        assertThat(search.current().hasCategory("garden")).isTrue();
    }

    @Test
    void readPathsNeverScan() {
        LocalEngines.OPERATIONS.clear();
        redis.flushAll();
        manage.rebuildSnapshot();
        LocalEngines.OPERATIONS.clear();
        find("bottle");
        view.view("p3");
        browse.tree();
        browse.brands();
        search.search(new ProductQuery(null, "drinkware", null, null, 1000L, 3000L, null, SortOrder.PRICE_DESC, 5, 0));
        assertThat(LocalEngines.OPERATIONS).isNotEmpty().doesNotContain("Scan").containsOnly("Query", "GetItem");
    }

    @Test
    void rebuildRestoresAFlushedCache() {
        redis.flushAll();
        assertThat(manage.rebuildSnapshot()).isEqualTo(8);
        assertThat(find("bottle").total()).isEqualTo(4);
        assertThat(categories.findAll()).hasSize(CatalogFixtures.CATEGORIES.size());
    }

    @Test
    void snapshotVersionMovesWithEveryChangeAndLoadIsConsistent() {
        var snapshots = new RedisCatalogSnapshotStore(redis);
        long before = snapshots.version();
        snapshots.remove("p1");
        snapshots.bumpVersion();
        var loaded = snapshots.load();
        assertThat(loaded.version()).isEqualTo(before + 2);
        assertThat(loaded.items()).extracting(i -> i.productId()).doesNotContain("p1").hasSize(7);
        snapshots.replaceAll(List.of());
        assertThat(snapshots.load().items()).isEmpty();
    }

    private static Product rename(Product p, String name) {
        return new Product(p.productId(), p.merchantId(), p.sku(), name, p.description(), p.brandId(), p.colour(),
                p.categoryId(), p.attributes(), p.price(), p.stockAvailable(), p.stockReserved(), p.status(), p.images(),
                p.seo(), p.createdAt(), Instant.now(), "test", p.version());
    }
}

package shop.verdant.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.verdant.adapter.dynamodb.DynamoDbProductRepository;
import shop.verdant.adapter.opensearch.OpenSearchCatalog;
import shop.verdant.adapter.opensearch.OpenSearchHttp;
import shop.verdant.application.catalog.FollowStockChanges;
import shop.verdant.application.catalog.port.CatalogSearchFeed;
import shop.verdant.contract.Tables;
import shop.verdant.domain.catalog.Product;
import shop.verdant.domain.catalog.ProductStatus;
import shop.verdant.domain.catalog.search.CatalogItem;
import shop.verdant.domain.catalog.search.ProductQuery;
import shop.verdant.domain.catalog.search.SortOrder;
import shop.verdant.domain.common.Money;
import shop.verdant.testing.CatalogFixtures;
import shop.verdant.testing.InMemoryCatalog;
import shop.verdant.testing.LocalEngines;
import shop.verdant.testing.RandomCatalogs;

/**
 * The Products stream's consumer keeps OpenSearch equal to DynamoDB (real DynamoDB Local, real OpenSearch):
 * whatever order the change records come in, duplicated, with failed batches retried later, and when a consumer
 * holding an older read writes after one holding a newer read.
 */
class OpenSearchFeedTest {
    DynamoDbProductRepository products;
    OpenSearchCatalog search;
    InMemoryCatalog sides;
    String index;

    @BeforeEach
    void setUp() {
        var client = LocalEngines.dynamoClient();
        products = new DynamoDbProductRepository(client, LocalEngines.createTable(client, Tables.PRODUCTS));
        index = "feed-" + System.nanoTime();
        search = new OpenSearchCatalog(OpenSearchHttp.unsigned(TestOpenSearch.url()), index,
                () -> SearchBackendsPropertyTest.TREE, () -> SearchBackendsPropertyTest.NAMES);
        search.ensureIndex(0);
        sides = InMemoryCatalog.withFixtures();
    }

    private FollowStockChanges consumer(CatalogSearchFeed feed) {
        return new FollowStockChanges(products, sides.snapshots, sides.cache, feed);
    }

    /** A random edit of a stored product: price, stock, category, status (archived products leave search). */
    private static Product edit(Product p, Random r) {
        return new Product(p.productId(), p.merchantId(), p.sku(), p.name(), p.description(), p.brandId(), p.colour(),
                RandomCatalogs.CATEGORY_IDS.get(r.nextInt(RandomCatalogs.CATEGORY_IDS.size())), p.attributes(), Money.of(100L * (1 + r.nextInt(90)), "EUR"),
                r.nextInt(4) == 0 ? 0 : r.nextInt(30), 0,
                r.nextInt(4) == 0 ? ProductStatus.ARCHIVED : ProductStatus.ACTIVE, p.images(), p.seo(), p.createdAt(),
                p.updatedAt(), "test", p.version());
    }

    @Test
    void shuffledDuplicatedAndRetriedChangeRecordsLeaveOpenSearchAsTheTableIs() {
        Random r = new Random(42);
        List<FollowStockChanges.Change> records = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            products.save(CatalogFixtures.product("f" + i, "Bamboo Thing " + i, "bambu", "green", "cups", 500 + i, 10,
                    9_000 + i, Map.of("material", "bamboo")));
            records.add(new FollowStockChanges.Change("f" + i, null, 10L));
        }
        for (int w = 0; w < 150; w++) {
            String id = "f" + r.nextInt(30);
            Product now = products.find(id).orElseThrow();
            Product next = edit(now, r);
            products.save(next);
            records.add(new FollowStockChanges.Change(id, now.stockAvailable(), next.stockAvailable()));
        }
        List<FollowStockChanges.Change> deliveries = new ArrayList<>(records);
        deliveries.addAll(records.subList(0, 60));          // redelivered
        Collections.shuffle(deliveries, r);                    // out of order
        AtomicBoolean down = new AtomicBoolean();
        CatalogSearchFeed flaky = new CatalogSearchFeed() {
            @Override
            public void put(CatalogItem item) {
                if (down.get()) {
                    throw new IllegalStateException("OpenSearch unavailable");
                }
                search.put(item);
            }

            @Override
            public void remove(String productId) {
                if (down.get()) {
                    throw new IllegalStateException("OpenSearch unavailable");
                }
                search.remove(productId);
            }
        };
        FollowStockChanges consumer = consumer(flaky);
        List<FollowStockChanges.Change> failed = new ArrayList<>();
        for (int i = 0; i < deliveries.size(); i++) {
            down.set(i % 17 == 5);
            try {
                consumer.apply(deliveries.get(i));
            } catch (IllegalStateException e) {
                failed.add(deliveries.get(i));                 // the batch is retried later
            }
        }
        assertThat(failed).isNotEmpty();
        down.set(false);
        Collections.reverse(failed);
        failed.forEach(consumer::apply);
        assertThat(indexed()).isEqualTo(shoppable());
        assertThat(indexed()).hasSizeBetween(5, 29);           // some archived, some not: both paths ran
    }

    @Test
    void aConsumerWithAnOlderReadThatWritesLastIsCorrectedByItsOwnSecondRead() throws Exception {
        products.save(CatalogFixtures.product("s1", "Glass Bottle", "terra", "blue", "bottles", 1_500, 5, 9_500, Map.of()));
        CountDownLatch readDone = new CountDownLatch(1);
        CountDownLatch newerWritten = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        CatalogSearchFeed slow = new CatalogSearchFeed() {
            @Override
            public void put(CatalogItem item) {
                if (first.getAndSet(false)) {       // this consumer read the old price, then stalls before writing
                    readDone.countDown();
                    await(newerWritten);
                }
                search.put(item);
            }

            @Override
            public void remove(String productId) {
                search.remove(productId);
            }
        };
        Thread stale = new Thread(() -> consumer(slow).apply(new FollowStockChanges.Change("s1", null, 5L)));
        stale.start();
        assertThat(readDone.await(10, TimeUnit.SECONDS)).isTrue();
        Product now = products.find("s1").orElseThrow();
        Product repriced = new Product(now.productId(), now.merchantId(), now.sku(), now.name(), now.description(),
                now.brandId(), now.colour(), now.categoryId(), now.attributes(), Money.of(999, "EUR"), 5, 0,
                ProductStatus.ACTIVE, now.images(), now.seo(), now.createdAt(), now.updatedAt(), "test", now.version());
        products.save(repriced);
        consumer(search).apply(new FollowStockChanges.Change("s1", 5L, 5L));   // the newer read, written first
        newerWritten.countDown();
        stale.join(10_000);
        assertThat(indexed()).extracting(CatalogItem::priceMinor).containsExactly(999L);
    }

    private List<CatalogItem> indexed() {
        search.refresh();
        List<CatalogItem> out = new ArrayList<>(search.search(new ProductQuery(null, null, null, null, null, null, null,
                SortOrder.NAME, 100, 0)).result().items());
        out.sort(Comparator.comparing(CatalogItem::productId));
        return out;
    }

    private List<CatalogItem> shoppable() {
        List<CatalogItem> out = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            products.find("f" + i).filter(Product::isVisibleToShoppers).map(CatalogItem::from).ifPresent(out::add);
        }
        out.sort(Comparator.comparing(CatalogItem::productId));
        return out;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

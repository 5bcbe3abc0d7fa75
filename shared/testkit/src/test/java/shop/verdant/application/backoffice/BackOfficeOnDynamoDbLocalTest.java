package shop.verdant.application.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.verdant.adapter.dynamodb.DynamoDbBrandRepository;
import shop.verdant.adapter.dynamodb.DynamoDbCategoryRepository;
import shop.verdant.adapter.dynamodb.DynamoDbImageUploads;
import shop.verdant.adapter.dynamodb.DynamoDbMerchantCatalog;
import shop.verdant.adapter.dynamodb.DynamoDbProductImages;
import shop.verdant.application.media.port.ProductImages.Attached;
import shop.verdant.domain.media.ImageRules;
import shop.verdant.domain.media.ImageUpload;
import shop.verdant.adapter.dynamodb.DynamoDbSalesLedger;
import shop.verdant.application.backoffice.port.MerchantCatalogStore;
import shop.verdant.application.shopping.port.StockLedger;
import shop.verdant.contract.Tables;
import shop.verdant.domain.backoffice.ProductForm;
import shop.verdant.domain.backoffice.SalesDay;
import shop.verdant.domain.backoffice.SalesFact;
import shop.verdant.domain.backoffice.StockAdjustment;
import shop.verdant.domain.backoffice.StockMovement;
import shop.verdant.domain.catalog.Category;
import shop.verdant.domain.common.ConflictException;
import shop.verdant.domain.common.Money;
import shop.verdant.domain.common.PreconditionException;
import shop.verdant.testing.LocalEngines;
import shop.verdant.testing.ShopOnDynamo;

/** The back office's stores on DynamoDB Local: SKU guards, If-Match, stock moves racing orders, the sales ledger. */
class BackOfficeOnDynamoDbLocalTest {
    static ShopOnDynamo shop;
    static DynamoDbMerchantCatalog catalog;
    static MerchantProducts products;
    static MerchantStock stock;
    static DynamoDbSalesLedger ledger;
    static ExecutorService pool;
    static final AtomicInteger IDS = new AtomicInteger();

    @BeforeAll
    static void start() {
        shop = new ShopOnDynamo();
        var client = shop.client;
        catalog = new DynamoDbMerchantCatalog(client, shop.productsTable, LocalEngines.createTable(client, Tables.PRODUCT_SKUS),
                LocalEngines.createTable(client, Tables.STOCK_MOVEMENTS));
        var categories = new DynamoDbCategoryRepository(client, LocalEngines.createTable(client, Tables.CATEGORIES));
        categories.save(new Category("cat-1", null, "Kitchen", 0));
        var brands = new DynamoDbBrandRepository(client, LocalEngines.createTable(client, Tables.BRANDS));
        products = new MerchantProducts(catalog, categories, brands, shop.clock, () -> "bo-" + IDS.incrementAndGet());
        stock = new MerchantStock(catalog, shop.clock, () -> "mv-" + IDS.incrementAndGet());
        ledger = new DynamoDbSalesLedger(client, LocalEngines.createTable(client, Tables.MERCHANT_SALES));
        pool = Executors.newFixedThreadPool(48);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    static ProductForm form(String sku, String name) {
        return new ProductForm(sku, name, "A product.", 1299L, "EUR", "cat-1", null, "green", Map.of(), null, null, null, null);
    }

    @Test
    void aSkuNamesOneProductPerMerchant_evenWhenTwoCreatesRace() throws Exception {
        products.create("m-1", "t", form("CUP-1", "Bamboo Cup"));
        assertThatThrownBy(() -> products.create("m-1", "t", form("cup-1", "Another Cup")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("CUP-1".toLowerCase());
        products.create("m-2", "t", form("CUP-1", "Their Cup"));   // another merchant's SKUs are their own
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> racing = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            racing.add(pool.submit(() -> {
                go.await();
                try {
                    products.create("m-3", "t", form("RACE-1", "Racing Cup"));
                    return true;
                } catch (ConflictException e) {
                    return false;
                }
            }));
        }
        go.countDown();
        int won = 0;
        for (Future<Boolean> f : racing) {
            won += f.get() ? 1 : 0;
        }
        assertThat(won).isEqualTo(1);
        assertThat(catalog.list("m-3", new MerchantCatalogStore.Filter(null, null, null), 50, null).items()).hasSize(1);
    }

    @Test
    void aStaleIfMatchChangesNothing_andTheSkuGuardMovesWithTheSku() {
        var created = products.create("m-4", "t", form("MUG-1", "Stoneware Mug"));
        String id = created.product().productId();
        String tag = EntityTags.of(created.revision());
        var renamed = products.update("m-4", "t", id, tag,
                new ProductForm("MUG-2", "Stoneware Mug Large", null, null, null, null, null, null, null, null, null, null, null));
        assertThat(renamed.revision()).isEqualTo(2);
        assertThatThrownBy(() -> products.update("m-4", "t", id, tag,
                new ProductForm(null, null, null, 1L, null, null, null, null, null, null, null, null, null)))
                .isInstanceOf(PreconditionException.class);
        assertThatThrownBy(() -> products.update("m-4", "t", id, null,
                new ProductForm(null, null, null, 1L, null, null, null, null, null, null, null, null, null)))
                .isInstanceOf(PreconditionException.class).matches(e -> ((PreconditionException) e).isRequired());
        var now = products.get("m-4", id);
        assertThat(now.product().price()).isEqualTo(Money.of(1299, "EUR"));
        assertThat(now.product().name()).isEqualTo("Stoneware Mug Large");
        assertThat(catalog.productIdsForSkus("m-4", List.of("MUG-1"))).isEmpty();
        assertThat(catalog.productIdsForSkus("m-4", List.of("mug-2"))).containsEntry("mug-2", id);
        products.create("m-4", "t", form("MUG-1", "The old SKU is free again"));
        assertThatThrownBy(() -> products.update("m-5", "t", id, EntityTags.of(2), form(null, "Not yours")))
                .isInstanceOf(shop.verdant.domain.common.NotFoundException.class);
    }

    /**
     * 40 orders of one unit race 24 merchant adjustments on a product holding 12: whatever interleaving happens,
     * available never goes below zero, every reservation stays, and the units there are equal the units there were
     * plus the recorded movements, each of which chains from the level before it.
     */
    @Test
    void stockAdjustmentsRacingTheLastUnitStorm_keepTheInvariant() throws Exception {
        for (int round = 0; round < 3; round++) {
            String productId = "adjust-" + round;
            shop.product(productId, 500, 12);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> work = new ArrayList<>();
            for (int c = 0; c < 40; c++) {
                String customer = "c-" + round + "-" + c;
                work.add(pool.submit(() -> {
                    go.await();
                    try {
                        shop.place(customer, "key-" + customer, ShopOnDynamo.order(productId, 1));
                        return "ordered";
                    } catch (ConflictException e) {
                        return "409 " + e.slug();
                    }
                }));
            }
            for (int a = 0; a < 24; a++) {
                StockAdjustment adjustment = a % 3 == 0 ? StockAdjustment.of(-2L, null, "damaged", null)
                        : a % 3 == 1 ? StockAdjustment.of(3L, null, "restock", null) : StockAdjustment.of(null, 4L, "count", null);
                work.add(pool.submit(() -> {
                    go.await();
                    try {
                        return stock.adjust("merchant-1", "merchant:test", productId, adjustment).movement() == null
                                ? "unchanged" : "adjusted";
                    } catch (ConflictException e) {
                        return "409 " + e.slug();
                    }
                }));
            }
            go.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : work) {
                outcomes.add(f.get());
            }
            long ordered = outcomes.stream().filter("ordered"::equals).count();
            assertThat(outcomes).allMatch(o -> o.equals("ordered") || o.equals("adjusted") || o.equals("unchanged")
                    || o.equals("409 insufficient-stock"));
            StockLedger.Levels levels = shop.store.levels(productId);
            List<StockMovement> movements = stock.history("merchant-1", productId, 100);
            long moved = movements.stream().mapToLong(StockMovement::delta).sum();
            assertThat(levels.available()).isGreaterThanOrEqualTo(0);
            assertThat(levels.reserved()).as("no reservation lost").isEqualTo(ordered);
            assertThat(levels.total()).as("units = initial + recorded movements").isEqualTo(12 + moved);
            assertThat(movements).allSatisfy(m -> {
                assertThat(m.availableAfter()).isEqualTo(m.availableBefore() + m.delta()).isGreaterThanOrEqualTo(0);
                assertThat(m.actor()).isEqualTo("merchant:test");
            });
            assertThat(movements).as("one movement per adjustment that moved stock")
                    .hasSize((int) outcomes.stream().filter("adjusted"::equals).count());
        }
    }

    /**
     * A run that crashes after writing a chunk's rows but before recording it (the stream then delivers the job's change
     * again) resumes at that chunk: its rows are found as written, nothing is created twice, and the job finishes.
     */
    @Test
    void anImportThatCrashedMidChunkResumesThereAndFinishes_creatingNothingTwice() {
        var client = shop.client;
        var imports = new shop.verdant.adapter.dynamodb.DynamoDbImportStore(client, LocalEngines.createTable(client, Tables.IMPORTS),
                LocalEngines.createTable(client, Tables.IMPORT_ROWS));
        java.util.concurrent.atomic.AtomicBoolean crash = new java.util.concurrent.atomic.AtomicBoolean(true);
        shop.verdant.application.backoffice.port.ImportStore crashing = new shop.verdant.application.backoffice.port.ImportStore() {
            public void create(Job job, List<List<shop.verdant.domain.backoffice.ImportRow>> chunks,
                               List<shop.verdant.domain.backoffice.RowError> errors) {
                imports.create(job, chunks, errors);
            }

            public java.util.Optional<Job> find(String id) {
                return imports.find(id);
            }

            public boolean queue(String id, java.time.Instant at) {
                return imports.queue(id, at);
            }

            public List<shop.verdant.domain.backoffice.ImportRow> chunk(String id, int chunk) {
                return imports.chunk(id, chunk);
            }

            public boolean record(String id, int chunk, ChunkResult result, boolean last, java.time.Instant at) {
                if (chunk == 1 && crash.getAndSet(false)) {
                    throw new IllegalStateException("the container died");
                }
                return imports.record(id, chunk, result, last, at);
            }

            public List<shop.verdant.domain.backoffice.RowError> errors(String id) {
                return imports.errors(id);
            }
        };
        MerchantImports service = new MerchantImports(crashing, catalog, products, stock, shop.clock,
                () -> "imp-" + IDS.incrementAndGet(), () -> pool);
        List<MerchantImports.ParsedFile.Record> records = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            records.add(new MerchantImports.ParsedFile.Record(i + 2, List.of("CR-" + i, "Crash jar " + i, "3.50", "cat-1", "2")));
        }
        var job = service.start("m-crash", "merchant:t", new MerchantImports.ParsedFile(List.of("sku", "name", "price", "category",
                "stock"), records), true);
        assertThat(job.chunks()).isEqualTo(3);
        assertThat(service.runChunk(job.importId(), 0)).isTrue();
        assertThatThrownBy(() -> service.runChunk(job.importId(), 1)).hasMessageContaining("died");
        assertThat(service.get("m-crash", job.importId()).nextChunk()).as("the crash recorded nothing").isEqualTo(1);
        // the stream's retry of the same change
        assertThat(service.runChunk(job.importId(), 1)).isTrue();
        assertThat(service.runChunk(job.importId(), 1)).as("a redelivery after it was recorded does nothing").isFalse();
        assertThat(service.runChunk(job.importId(), 2)).isTrue();
        var done = service.get("m-crash", job.importId());
        assertThat(done.status()).isEqualTo("DONE");
        assertThat(done.rowsDone()).isEqualTo(1_200);
        assertThat(done.created() + done.unchanged()).isEqualTo(1_200);
        assertThat(done.created()).isEqualTo(1_200 - 500);   // chunk 1's rows were written before the crash: found unchanged
        assertThat(catalog.list("m-crash", new MerchantCatalogStore.Filter(null, null, null), 100, null).items()).hasSize(100);
        int stored = 0;
        String cursor = null;
        do {
            var page = catalog.list("m-crash", new MerchantCatalogStore.Filter(null, null, null), 100, cursor);
            stored += page.items().size();
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(stored).as("every SKU once").isEqualTo(1_200);
    }

    @Test
    void aSalesFactCountsOnce_howeverOftenTheStreamDeliversIt() {
        LocalDate day = LocalDate.of(2026, 12, 1);
        SalesFact sale = new SalesFact("m-ledger", day, "o-1#sold", 1, 3, Money.of(3000, "EUR"), Money.zero("EUR"),
                Map.of("p-1", new SalesFact.ProductSale("Cup", 3, 3000)));
        SalesFact refund = new SalesFact("m-ledger", day.plusDays(1), "o-1#refunded#500", 0, 0, Money.zero("EUR"),
                Money.of(500, "EUR"), Map.of());
        assertThat(ledger.apply(sale)).isTrue();
        assertThat(ledger.apply(sale)).isFalse();
        assertThat(ledger.apply(refund)).isTrue();
        assertThat(ledger.apply(refund)).isFalse();
        assertThat(ledger.days("m-ledger", day, day.plusDays(1))).containsExactly(
                new SalesDay(day, 1, 3, 3000, 0), new SalesDay(day.plusDays(1), 0, 0, 0, 500));
        assertThat(ledger.products("m-ledger", day, day)).containsOnlyKeys("p-1");
        assertThat(ledger.products("m-ledger", day, day).get("p-1").units()).isEqualTo(3);
        assertThat(ledger.days("m-other", day, day)).isEmpty();
    }

    @Test
    void picturesAttachOnceEach_upToTheLimit_onlyToTheOwnersProduct_andArrangingIsGuardedByTheRevision() {
        var images = new DynamoDbProductImages(shop.client, shop.productsTable);
        var uploads = new DynamoDbImageUploads(shop.client,
                LocalEngines.createTable(shop.client, Tables.IMAGE_UPLOADS));
        var created = products.create("m-pic", "t", form("PIC-1", "Linen Towel"));
        String id = created.product().productId();
        java.time.Instant at = shop.clock.instant();
        String first = ImageRules.imageKey(id, "u1");
        assertThat(images.attach(id, "m-pic", first, 2, "system:images", at)).isEqualTo(Attached.ATTACHED);
        assertThat(images.attach(id, "m-pic", first, 2, "system:images", at)).isEqualTo(Attached.ALREADY);
        assertThat(images.attach(id, "m-other", "images/products/" + id + "/x/800.jpg", 2, "system:images", at))
                .isEqualTo(Attached.GONE);
        assertThat(images.attach("no-such-product", "m-pic", first, 2, "system:images", at))
                .isEqualTo(Attached.GONE);
        String second = ImageRules.imageKey(id, "u2");
        assertThat(images.attach(id, "m-pic", second, 2, "system:images", at)).isEqualTo(Attached.ATTACHED);
        assertThat(images.attach(id, "m-pic", ImageRules.imageKey(id, "u3"), 2, "system:images", at))
                .isEqualTo(Attached.FULL);
        MerchantCatalogStore.Listing now = catalog.find(id).orElseThrow();
        assertThat(now.product().images()).containsExactly(first, second);
        assertThat(now.revision()).as("each picture is a listing change (search republishes)").isEqualTo(created.revision() + 2);
        assertThat(images.owner(id)).hasValue("m-pic");

        var arranged = catalog.arrangeImages(now.product(), List.of(second, first), now.revision(), "merchant:t", at);
        assertThat(arranged.product().images()).containsExactly(second, first);
        assertThatThrownBy(() -> catalog.arrangeImages(now.product(), List.of(), now.revision(), "merchant:t", at))
                .isInstanceOf(PreconditionException.class);
        var emptied = catalog.arrangeImages(arranged.product(), List.of(), arranged.revision(), "merchant:t", at);
        assertThat(emptied.product().images()).isEmpty();
        assertThat(emptied.product().stockAvailable()).isEqualTo(arranged.product().stockAvailable());

        var upload = ImageUpload.open("up-1", "m-pic", id, "image/png", at);
        uploads.open(upload);
        assertThatThrownBy(() -> uploads.open(upload)).as("an upload id is used once").isInstanceOf(RuntimeException.class);
        var refused = new ImageUpload("up-1", "m-pic", id, "image/png",
                ImageUpload.Status.REFUSED, "The file is not a picture.", null, at, at);
        assertThat(uploads.settle(refused)).isTrue();
        assertThat(uploads.settle(new ImageUpload("up-1", "m-pic", id, "image/png",
                ImageUpload.Status.ATTACHED, null, first, at, at))).as("settled once").isFalse();
        assertThat(uploads.find("up-1").orElseThrow()).isEqualTo(refused);
    }
}

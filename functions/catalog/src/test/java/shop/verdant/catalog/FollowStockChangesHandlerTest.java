package shop.verdant.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import org.junit.jupiter.api.Test;
import shop.verdant.application.catalog.FollowStockChanges;
import shop.verdant.domain.catalog.Product;
import shop.verdant.testing.InMemoryCatalog;

/** The Products stream's records (events/catalog-follow-stock-change.json) reach product pages and search. */
class FollowStockChangesHandlerTest {

    private static Product withStock(Product p, long available, long reserved) {
        return new Product(p.productId(), p.merchantId(), p.sku(), p.name(), p.description(), p.brandId(), p.colour(),
                p.categoryId(), p.attributes(), p.price(), available, reserved, p.status(), p.images(), p.seo(),
                p.createdAt(), p.updatedAt(), p.updatedBy(), p.version() + 1);
    }

    @Test
    void aProductThatSoldOutLeavesTheCacheAndIsRepublishedOutOfStock_othersOnlyLeaveTheCache() {
        InMemoryCatalog catalog = InMemoryCatalog.withFixtures();
        catalog.view.view("p1");
        catalog.view.view("p2");
        assertThat(catalog.cache.products).containsKeys("p1", "p2");
        // an order reserved the last two p1 and three p2, straight in the table (as PlaceOrder does)
        catalog.products.put("p1", withStock(catalog.products.get("p1"), 0, 2));
        catalog.products.put("p2", withStock(catalog.products.get("p2"), 7, 3));
        long version = catalog.snapshots.version();

        var handler = new FollowStockChangesHandler(new FollowStockChanges(catalog.productRepository, catalog.snapshots, catalog.cache));
        var response = handler.handleRequest(EventLoader.loadDynamoDbEvent("events/catalog-follow-stock-change.json"), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(catalog.cache.products).doesNotContainKeys("p1", "p2");
        assertThat(catalog.snapshots.version()).isEqualTo(version + 1);
        var items = catalog.snapshots.load().items();
        assertThat(items.stream().filter(i -> i.productId().equals("p1")).findFirst().orElseThrow().inStock()).isFalse();
        assertThat(catalog.view.view("p1").product().stockAvailable()).isZero();
    }

    @Test
    void aFailingRecordIsReportedSoTheBatchResumesFromIt() {
        InMemoryCatalog catalog = InMemoryCatalog.withFixtures();
        var failing = new FollowStockChanges(catalog.productRepository, catalog.snapshots, new InMemoryCatalog.Cache() {
            @Override
            public void evictProduct(String id) {
                if (id.equals("p2")) {
                    throw new IllegalStateException("redis down");
                }
                super.evictProduct(id);
            }
        });
        var response = new FollowStockChangesHandler(failing)
                .handleRequest(EventLoader.loadDynamoDbEvent("events/catalog-follow-stock-change.json"), null);
        assertThat(response.getBatchItemFailures()).hasSize(1);
        assertThat(response.getBatchItemFailures().get(0).getItemIdentifier()).isEqualTo("111100000000000000000002");
    }
}

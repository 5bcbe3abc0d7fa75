package shop.verdant.application.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.verdant.domain.catalog.Category;
import shop.verdant.domain.catalog.Product;
import shop.verdant.domain.catalog.ProductStatus;
import shop.verdant.domain.catalog.search.ProductQuery;
import shop.verdant.domain.catalog.search.SearchResult;
import shop.verdant.domain.common.ConflictException;
import shop.verdant.domain.common.NotFoundException;
import shop.verdant.domain.common.ValidationException;
import shop.verdant.testing.CatalogFixtures;
import shop.verdant.testing.InMemoryCatalog;

class CatalogServicesTest {
    private final InMemoryCatalog catalog = InMemoryCatalog.withFixtures();

    private SearchResult searchFor(String text) {
        return catalog.search.search(new ProductQuery(text, null, null, null, null, null, null, null, 24, 0)).result();
    }

    @Test
    void warmSearchesReuseTheIndexUntilTheVersionMoves() {
        searchFor("bamboo");
        searchFor("glass");
        assertThat(catalog.snapshots.loads).hasValue(1);
        catalog.manage.saveProduct(CatalogFixtures.product("p9", "Bamboo Lunch Box", "terra", "natural", "cups",
                1799, 3, 9000, Map.of()));
        assertThat(searchFor("lunch").items()).extracting(i -> i.productId()).containsExactly("p9");
        assertThat(catalog.snapshots.loads).as("the write came from the change log, not a second full load").hasValue(1);
    }

    @Test
    void archivingAProductTakesItOutOfSearchAndItsPage() {
        assertThat(searchFor("cork").total()).isEqualTo(1);
        catalog.view.view("p6");
        Product p6 = catalog.products.get("p6");
        catalog.manage.saveProduct(withStatus(p6, ProductStatus.ARCHIVED));
        assertThat(searchFor("cork").total()).isZero();
        assertThatThrownBy(() -> catalog.view.view("p6")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void productPagesReadThroughTheCacheAndWritesEvictIt() {
        catalog.view.view("p2");
        catalog.view.view("p2");
        assertThat(catalog.productReads).hasValue(1);
        Product p2 = catalog.products.get("p2");
        catalog.manage.saveProduct(withName(p2, "Bamboo Water Bottle XL"));
        assertThat(catalog.view.view("p2").product().name()).isEqualTo("Bamboo Water Bottle XL");
        assertThat(catalog.productReads).hasValue(2);
    }

    @Test
    void productPageCarriesBreadcrumbBrandAndRelated() {
        ViewProduct.ProductPage page = catalog.view.view("p4");
        assertThat(page.breadcrumb()).extracting(Category::categoryId).containsExactly("kitchen", "drinkware", "bottles");
        assertThat(page.brandName()).isEqualTo("Ocean Kind");
        assertThat(page.related()).extracting(i -> i.productId()).startsWith("p2", "p3").doesNotContain("p4");
    }

    @Test
    void unknownProductAndUnknownCategory() {
        assertThatThrownBy(() -> catalog.view.view("nope")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> catalog.search.search(new ProductQuery(null, "garden", null, null, null, null, null, null, 24, 0)))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors().get(0).field()).isEqualTo("category"));
    }

    @Test
    void categoryTreeIsCachedAndACategoryChangeInvalidatesItAndTheIndex() {
        catalog.browse.tree();
        catalog.browse.tree();
        int reads = catalog.categoryReads.get();
        catalog.manage.saveCategory(new Category("glassware", "drinkware", "Glassware", 2));
        assertThat(catalog.browse.tree().get(0).children().get(0).children())
                .extracting(n -> n.categoryId()).containsExactly("bottles", "cups", "glassware");
        assertThat(catalog.categoryReads.get()).isEqualTo(reads + 1);
        assertThat(catalog.search.current().hasCategory("glassware")).isTrue();
    }

    @Test
    void aStaleWriteIsAConflictAndChangesNothing() {
        Product p1 = catalog.products.get("p1");
        catalog.manage.saveProduct(withName(p1, "first"));
        assertThatThrownBy(() -> catalog.manage.saveProduct(withName(p1, "second"))).isInstanceOf(ConflictException.class);
        assertThat(catalog.products.get("p1").name()).isEqualTo("first");
    }

    @Test
    void rebuildRepublishesOnlyShoppableProducts() {
        catalog.manage.saveProduct(withStatus(catalog.products.get("p1"), ProductStatus.DRAFT));
        assertThat(catalog.manage.rebuildSnapshot()).isEqualTo(7);
        assertThat(searchFor("toothbrush").items()).extracting(i -> i.productId()).containsExactly("p7");
    }

    private static Product withStatus(Product p, ProductStatus status) {
        return new Product(p.productId(), p.merchantId(), p.sku(), p.name(), p.description(), p.brandId(), p.colour(),
                p.categoryId(), p.attributes(), p.price(), p.stockAvailable(), p.stockReserved(), status, p.images(),
                p.seo(), p.createdAt(), Instant.now(), "test", p.version());
    }

    private static Product withName(Product p, String name) {
        return new Product(p.productId(), p.merchantId(), p.sku(), name, p.description(), p.brandId(), p.colour(),
                p.categoryId(), p.attributes(), p.price(), p.stockAvailable(), p.stockReserved(), p.status(), p.images(),
                p.seo(), p.createdAt(), Instant.now(), "test", p.version());
    }
}

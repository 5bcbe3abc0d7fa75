package shop.verdant.application.shopping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.verdant.domain.catalog.Product;
import shop.verdant.domain.catalog.ProductStatus;
import shop.verdant.domain.common.ConflictException;
import shop.verdant.domain.common.Money;
import shop.verdant.domain.common.NotFoundException;
import shop.verdant.domain.common.ValidationException;
import shop.verdant.testing.LocalEngines;
import shop.verdant.testing.ShopOnDynamo;

/** Carts on DynamoDB Local: repricing and warnings, limits, merging (also racing), expiry. */
class CartsOnDynamoDbLocalTest {
    static ShopOnDynamo shop;
    static ExecutorService pool;

    @BeforeAll
    static void start() {
        shop = new ShopOnDynamo();
        pool = Executors.newFixedThreadPool(10);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    static CartOwner visitor() {
        return shop.newVisitor();
    }

    @Test
    void linesAreRepricedFromTheCatalogWithStockAndPriceWarnings() {
        Product p = shop.product("cart-reprice", 1000, 3);
        CartOwner owner = visitor();
        shop.carts.add(owner, p.productId(), 2);
        // the merchant raises the price and an order takes two of the three
        shop.products.save(new Product(p.productId(), p.merchantId(), p.sku(), p.name(), p.description(), p.brandId(),
                p.colour(), p.categoryId(), p.attributes(), Money.of(1200, "EUR"), 1, 2,
                ProductStatus.ACTIVE, p.images(), p.seo(), p.createdAt(), p.updatedAt(), "m", 1));
        CartView view = shop.carts.view(owner);
        CartView.Line line = view.lines().get(0);
        assertThat(line.unitPriceMinor()).isEqualTo(1200);
        assertThat(line.previousPriceMinor()).isEqualTo(1000);
        assertThat(line.warnings()).containsExactly(CartView.Warning.PRICE_CHANGED, CartView.Warning.LOW_STOCK);
        assertThat(view.subtotalMinor()).isEqualTo(2400);
        assertThat(view.orderable()).isFalse();
    }

    @Test
    void aLineIsCappedAtTheStockAvailable_andSaysWhy() {
        shop.product("cart-cap", 700, 3);
        CartOwner owner = visitor();
        CartView added = shop.carts.add(owner, "cart-cap", 5);
        assertThat(added.lines().get(0).quantity()).isEqualTo(3);
        assertThat(added.lines().get(0).warnings()).containsExactly(CartView.Warning.CAPPED);
        assertThat(added.orderable()).isTrue();
        // the line already holds all there is: nothing more is added, and the answer says why
        CartView again = shop.carts.add(owner, "cart-cap", 1);
        assertThat(again.lines().get(0).quantity()).isEqualTo(3);
        assertThat(again.lines().get(0).warnings()).containsExactly(CartView.Warning.CAPPED);
        CartView set = shop.carts.setQuantity(owner, "cart-cap", 9);
        assertThat(set.lines().get(0).quantity()).isEqualTo(3);
        assertThat(set.lines().get(0).warnings()).containsExactly(CartView.Warning.CAPPED);
        assertThat(shop.carts.setQuantity(owner, "cart-cap", 2).lines().get(0).warnings()).isEmpty();
        // the stored cart holds the capped quantity, and a plain read carries no stale warning
        assertThat(shop.carts.view(owner).lines().get(0).quantity()).isEqualTo(2);

        shop.product("cart-none-left", 700, 0);
        assertThatThrownBy(() -> shop.carts.add(owner, "cart-none-left", 1)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.getMessage()).contains("out of stock"));
        assertThat(shop.carts.view(owner).lines()).hasSize(1);
    }

    @Test
    void limits_oneToTenPerLine_fiftyLines() {
        shop.product("cart-limit", 500, 100);
        CartOwner owner = visitor();
        assertThatThrownBy(() -> shop.carts.add(owner, "cart-limit", 0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> shop.carts.add(owner, "cart-limit", 11)).isInstanceOf(ValidationException.class);
        shop.carts.add(owner, "cart-limit", 7);
        assertThatThrownBy(() -> shop.carts.add(owner, "cart-limit", 4)).isInstanceOf(ValidationException.class);
        assertThat(shop.carts.add(owner, "cart-limit", 3).itemCount()).isEqualTo(10);
        assertThatThrownBy(() -> shop.carts.add(owner, "no-such-product", 1)).isInstanceOf(NotFoundException.class);

        CartOwner big = visitor();
        List<Carts.Wanted> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            shop.product("cart-many-" + i, 100, 10);
            fifty.add(new Carts.Wanted("cart-many-" + i, 1));
        }
        assertThat(shop.carts.replace(big, fifty).lines()).hasSize(50);
        assertThatThrownBy(() -> shop.carts.add(big, "cart-limit", 1)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.slug()).isEqualTo("cart-full"));
    }

    @Test
    void mergingAddsQuantitiesCapsThem_andHappensOnceEvenWhenRaced() throws Exception {
        shop.product("merge-a", 100, 50);
        shop.product("merge-b", 100, 50);
        String sub = "merge-user";
        shop.carts.add(CartOwner.user(sub), "merge-a", 8);
        CartOwner anon = visitor();
        shop.carts.add(anon, "merge-a", 5);
        shop.carts.add(anon, "merge-b", 2);

        CountDownLatch go = new CountDownLatch(1);
        List<Future<CartView>> merges = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            merges.add(pool.submit(() -> {
                go.await();
                return shop.carts.merge(sub, anon.token());
            }));
        }
        go.countDown();
        for (Future<CartView> f : merges) {
            f.get();
        }
        CartView merged = shop.carts.view(CartOwner.user(sub));
        assertThat(merged.lines()).extracting(CartView.Line::productId, CartView.Line::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("merge-a", 10), org.assertj.core.groups.Tuple.tuple("merge-b", 2));
        assertThat(shop.carts.view(anon).lines()).isEmpty();
    }

    @Test
    void anExpiredCartReadsEmptyAndCanBeStartedAgain() {
        shop.product("cart-ttl", 100, 10);
        CartOwner owner = visitor();
        shop.carts.add(owner, "cart-ttl", 1);
        shop.clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(shop.carts.view(owner).lines()).isEmpty();
        assertThat(shop.carts.add(owner, "cart-ttl", 2).itemCount()).isEqualTo(2);
    }

    @Test
    void wishlistMovesToCartOnce() {
        shop.product("wish-1", 300, 5);
        shop.wishlists.add("wisher", "wish-1");
        shop.wishlists.add("wisher", "wish-1");
        assertThat(shop.wishlists.list("wisher")).hasSize(1);
        assertThat(shop.wishlists.moveToCart("wisher", "wish-1").lines()).extracting(CartView.Line::productId).contains("wish-1");
        assertThat(shop.wishlists.list("wisher")).isEmpty();
        assertThatThrownBy(() -> shop.wishlists.moveToCart("wisher", "wish-1")).isInstanceOf(NotFoundException.class);
        assertThat(shop.wishlists.list("someone-else")).isEmpty();
    }

    @Test
    void aCartHoldsOneCurrency() {
        shop.product("eur-1", 100, 10);
        Product usd = shop.product("usd-1", 100, 10);
        shop.products.save(new Product(usd.productId(), usd.merchantId(), usd.sku(), usd.name(), usd.description(), usd.brandId(),
                usd.colour(), usd.categoryId(), usd.attributes(), Money.of(100, "USD"), 10, 0, ProductStatus.ACTIVE,
                usd.images(), usd.seo(), usd.createdAt(), usd.updatedAt(), "m", 1));
        CartOwner owner = visitor();
        shop.carts.add(owner, "eur-1", 1);
        assertThatThrownBy(() -> shop.carts.add(owner, "usd-1", 1)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.slug()).isEqualTo("currency-mismatch"));
        assertThatThrownBy(() -> shop.carts.replace(visitor(), List.of(new Carts.Wanted("eur-1", 1), new Carts.Wanted("usd-1", 1))))
                .isInstanceOf(ConflictException.class);
        assertThat(shop.carts.view(owner).lines()).extracting(CartView.Line::productId).containsExactly("eur-1");
    }

    @Test
    void addingToACartReadsItsProductsOnce() {
        shop.product("reads-1", 100, 10);
        shop.product("reads-2", 100, 10);
        CartOwner owner = visitor();
        shop.carts.add(owner, "reads-1", 1);
        LocalEngines.OPERATIONS.clear();
        shop.carts.add(owner, "reads-2", 1);
        // the product to add, the cart, one batch read that both checks the currency and prices the answer, the write
        assertThat(LocalEngines.OPERATIONS).containsExactly("GetItem", "GetItem", "BatchGetItem", "PutItem");
    }
}

package shop.verdant.application.catalog;

import java.util.List;
import shop.verdant.application.catalog.port.CatalogCache;
import shop.verdant.application.catalog.port.ProductRepository;
import shop.verdant.domain.catalog.Category;
import shop.verdant.domain.catalog.Product;
import shop.verdant.domain.catalog.search.CatalogView;
import shop.verdant.domain.catalog.search.CatalogItem;
import shop.verdant.domain.common.NotFoundException;

/** A product page: the product read through the cache, its breadcrumb, brand and related products. */
public final class ViewProduct {
    public static final int RELATED = 8;

    private final ProductRepository products;
    private final CatalogCache cache;
    private final SearchProducts search;

    public ViewProduct(ProductRepository products, CatalogCache cache, SearchProducts search) {
        this.products = products;
        this.cache = cache;
        this.search = search;
    }

    /** The page's data; {@code index} is the snapshot it was assembled from, for labels of related items. */
    public record ProductPage(Product product, List<Category> breadcrumb, List<CatalogItem> related, CatalogView index) {
        public String brandName() {
            return index.brandName(product.brandId());
        }
    }

    public ProductPage view(String productId) {
        Product product = cache.product(productId).orElseGet(() -> {
            Product loaded = products.find(productId).orElseThrow(() -> notFound(productId));
            cache.putProduct(loaded);
            return loaded;
        });
        if (!product.isVisibleToShoppers()) {
            throw notFound(productId);
        }
        CatalogView index = search.current();
        return new ProductPage(product, index.categories().path(product.categoryId()),
                index.related(productId, RELATED), index);
    }

    private static NotFoundException notFound(String productId) {
        return new NotFoundException("No product has the id '" + productId + "'.");
    }
}

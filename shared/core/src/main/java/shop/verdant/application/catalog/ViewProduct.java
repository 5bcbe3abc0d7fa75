package shop.verdant.application.catalog;

import java.util.List;
import shop.verdant.application.catalog.port.CatalogCache;
import shop.verdant.application.catalog.port.ProductRepository;
import shop.verdant.domain.catalog.Category;
import shop.verdant.domain.catalog.Product;
import shop.verdant.application.catalog.port.CatalogSearch;
import shop.verdant.domain.catalog.search.BrandNames;
import shop.verdant.domain.catalog.search.CatalogItem;
import shop.verdant.domain.common.NotFoundException;

/** A product page: the product read through the cache, its breadcrumb, brand and related products. */
public final class ViewProduct {
    public static final int RELATED = 8;

    private final ProductRepository products;
    private final CatalogCache cache;
    private final CatalogSearch search;

    public ViewProduct(ProductRepository products, CatalogCache cache, CatalogSearch search) {
        this.products = products;
        this.cache = cache;
        this.search = search;
    }

    /** The page's data, with the brand names to label it and its related items by. */
    public record ProductPage(Product product, List<Category> breadcrumb, List<CatalogItem> related, BrandNames labels) {
        public String brandName() {
            return labels.brandName(product.brandId());
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
        return new ProductPage(product, search.categories().path(product.categoryId()),
                search.related(productId, RELATED), search.labels());
    }

    private static NotFoundException notFound(String productId) {
        return new NotFoundException("No product has the id '" + productId + "'.");
    }
}

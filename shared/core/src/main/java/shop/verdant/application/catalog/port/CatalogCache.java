package shop.verdant.application.catalog.port;

import java.util.List;
import java.util.Optional;
import shop.verdant.domain.catalog.Brand;
import shop.verdant.domain.catalog.CategoryTree;
import shop.verdant.domain.catalog.Product;

/** Read-through cache for product pages, the category tree and brands; writers evict. */
public interface CatalogCache {
    Optional<Product> product(String productId);

    void putProduct(Product product);

    void evictProduct(String productId);

    /** The DFS-built category tree, as {@code GET /api/categories} returns it. */
    Optional<List<CategoryTree.Node>> categoryTree();

    void putCategoryTree(List<CategoryTree.Node> roots);

    void evictCategoryTree();

    Optional<List<Brand>> brands();

    void putBrands(List<Brand> brands);

    void evictBrands();
}

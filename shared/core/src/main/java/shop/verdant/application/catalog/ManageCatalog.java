package shop.verdant.application.catalog;

import java.util.List;
import shop.verdant.application.catalog.port.BrandRepository;
import shop.verdant.application.catalog.port.CatalogCache;
import shop.verdant.application.catalog.port.CatalogSnapshotStore;
import shop.verdant.application.catalog.port.CategoryRepository;
import shop.verdant.application.catalog.port.ProductRepository;
import shop.verdant.domain.catalog.Brand;
import shop.verdant.domain.catalog.Category;
import shop.verdant.domain.catalog.Product;
import shop.verdant.domain.catalog.search.CatalogItem;

/**
 * Catalog writes and what they owe the read path: the database first, then the snapshot (which bumps
 * its version so warm search containers reload) and eviction of the cached page or tree.
 */
public final class ManageCatalog {
    private final ProductRepository products;
    private final CategoryRepository categories;
    private final BrandRepository brands;
    private final CatalogSnapshotStore snapshots;
    private final CatalogCache cache;

    public ManageCatalog(ProductRepository products, CategoryRepository categories, BrandRepository brands,
                         CatalogSnapshotStore snapshots, CatalogCache cache) {
        this.products = products;
        this.categories = categories;
        this.brands = brands;
        this.snapshots = snapshots;
        this.cache = cache;
    }

    public void saveProduct(Product product) {
        products.save(product);
        if (product.isVisibleToShoppers()) {
            snapshots.upsert(CatalogItem.from(product));
        } else {
            snapshots.remove(product.productId());
        }
        cache.evictProduct(product.productId());
    }

    public void saveCategory(Category category) {
        categories.save(category);
        cache.evictCategoryTree();
        snapshots.bumpVersion();
    }

    public void saveBrand(Brand brand) {
        brands.save(brand);
        cache.evictBrands();
        snapshots.bumpVersion();
    }

    /** Republishes every shoppable product from the database: for a new or flushed cache. */
    public int rebuildSnapshot() {
        return publishSnapshot(products.listAllForSnapshot());
    }

    /** Publishes {@code all} (every product there is, as just written) as the snapshot, without reading them back. */
    public int publishSnapshot(List<Product> all) {
        List<CatalogItem> items = all.stream()
                .filter(Product::isVisibleToShoppers)
                .map(CatalogItem::from)
                .toList();
        snapshots.replaceAll(items);
        cache.evictCategoryTree();
        cache.evictBrands();
        return items.size();
    }
}

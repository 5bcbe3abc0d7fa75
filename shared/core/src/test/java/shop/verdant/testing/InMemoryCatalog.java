package shop.verdant.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import shop.verdant.application.catalog.BrowseCategories;
import shop.verdant.application.catalog.ManageCatalog;
import shop.verdant.application.catalog.SearchProducts;
import shop.verdant.application.catalog.ViewProduct;
import shop.verdant.application.catalog.port.BrandRepository;
import shop.verdant.application.catalog.port.CatalogCache;
import shop.verdant.application.catalog.port.CatalogSnapshotStore;
import shop.verdant.application.catalog.port.CategoryRepository;
import shop.verdant.application.catalog.port.ProductRepository;
import shop.verdant.domain.catalog.Brand;
import shop.verdant.domain.catalog.Category;
import shop.verdant.domain.catalog.CategoryTree;
import shop.verdant.domain.catalog.Product;
import shop.verdant.domain.catalog.search.CatalogItem;
import shop.verdant.domain.common.ConflictException;

/**
 * In-memory fakes of every catalog port, wired into the real application services, for service and
 * handler tests. Counters record how often the database was read, to prove what the cache saves.
 */
public final class InMemoryCatalog {
    public final Map<String, Product> products = new LinkedHashMap<>();
    public final Map<String, Category> categories = new LinkedHashMap<>();
    public final Map<String, Brand> brands = new LinkedHashMap<>();
    public final AtomicInteger productReads = new AtomicInteger();
    public final AtomicInteger categoryReads = new AtomicInteger();
    public final Snapshots snapshots = new Snapshots();
    public final Cache cache = new Cache();

    public final ProductRepository productRepository = new ProductRepository() {
        @Override
        public Optional<Product> find(String productId) {
            productReads.incrementAndGet();
            return Optional.ofNullable(products.get(productId));
        }

        @Override
        public synchronized void save(Product product) {
            Product stored = products.get(product.productId());
            long storedVersion = stored == null ? 0 : stored.version();
            if (storedVersion != product.version()) {
                throw new ConflictException("version " + product.version() + " is stale");
            }
            products.put(product.productId(), new Product(product.productId(), product.merchantId(), product.sku(),
                    product.name(), product.description(), product.brandId(), product.colour(), product.categoryId(),
                    product.attributes(), product.price(), product.stockAvailable(), product.stockReserved(),
                    product.status(), product.images(), product.seo(), product.createdAt(), product.updatedAt(),
                    product.updatedBy(), storedVersion + 1));
        }

        @Override
        public List<Product> listAllForSnapshot() {
            return new ArrayList<>(products.values());
        }
    };

    public final CategoryRepository categoryRepository = new CategoryRepository() {
        @Override
        public List<Category> findAll() {
            categoryReads.incrementAndGet();
            return new ArrayList<>(categories.values());
        }

        @Override
        public void save(Category category) {
            categories.put(category.categoryId(), category);
        }

        @Override
        public void delete(String categoryId) {
            categories.remove(categoryId);
        }
    };

    public final BrandRepository brandRepository = new BrandRepository() {
        @Override
        public List<Brand> findAll() {
            return new ArrayList<>(brands.values());
        }

        @Override
        public void save(Brand brand) {
            brands.put(brand.brandId(), brand);
        }
    };

    public final BrowseCategories browse = new BrowseCategories(categoryRepository, brandRepository, cache);
    public final SearchProducts search = new SearchProducts(snapshots, browse);
    public final ViewProduct view = new ViewProduct(productRepository, cache, search);
    public final ManageCatalog manage = new ManageCatalog(productRepository, categoryRepository, brandRepository, snapshots, cache);

    /** The fixture catalog, saved through the real write path. */
    public static InMemoryCatalog withFixtures() {
        InMemoryCatalog c = new InMemoryCatalog();
        CatalogFixtures.BRANDS.forEach(c.manage::saveBrand);
        CatalogFixtures.CATEGORIES.forEach(c.manage::saveCategory);
        CatalogFixtures.products().forEach(c.manage::saveProduct);
        return c;
    }

    public static final class Snapshots implements CatalogSnapshotStore {
        private final Map<String, CatalogItem> items = new LinkedHashMap<>();
        private long version;
        public final AtomicInteger loads = new AtomicInteger();

        @Override
        public synchronized long version() {
            return version;
        }

        private volatile boolean failLoads;

        /** Makes {@link #load} and {@link #changesSince} fail, as Redis does when it is down. */
        public void failLoads(boolean fail) {
            failLoads = fail;
        }

        @Override
        public synchronized Snapshot load() {
            if (failLoads) {
                throw new IllegalStateException("snapshot store unavailable");
            }
            loads.incrementAndGet();
            return new Snapshot(version, new ArrayList<>(items.values()));
        }

        /** The change log: each changed product id at the version of its latest change; complete after {@code floor}. */
        private final Map<String, Long> changed = new LinkedHashMap<>();
        private long floor;

        @Override
        public synchronized void upsert(CatalogItem item) {
            items.put(item.productId(), item);
            changed.put(item.productId(), ++version);
        }

        @Override
        public synchronized void remove(String productId) {
            items.remove(productId);
            changed.put(productId, ++version);
        }

        @Override
        public synchronized void replaceAll(List<CatalogItem> all) {
            items.clear();
            all.forEach(i -> items.put(i.productId(), i));
            floor = ++version;
            changed.clear();
        }

        @Override
        public synchronized java.util.Optional<Changes> changesSince(long since) {
            if (failLoads) {
                throw new IllegalStateException("snapshot store unavailable");
            }
            if (since < floor) {
                return java.util.Optional.empty();
            }
            List<CatalogItem> upserted = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            changed.forEach((id, v) -> {
                if (v > since) {
                    CatalogItem item = items.get(id);
                    if (item == null) {
                        removed.add(id);
                    } else {
                        upserted.add(item);
                    }
                }
            });
            return java.util.Optional.of(new Changes(version, upserted, removed));
        }

        @Override
        public synchronized void bumpVersion() {
            // the tree or the brands changed: an index must be built from everything again
            floor = ++version;
            changed.clear();
        }
    }

    public static class Cache implements CatalogCache {
        public final Map<String, Product> products = new LinkedHashMap<>();
        public List<CategoryTree.Node> tree;
        public List<Brand> brands;

        @Override public Optional<Product> product(String id) { return Optional.ofNullable(products.get(id)); }
        @Override public void putProduct(Product p) { products.put(p.productId(), p); }
        @Override public void evictProduct(String id) { products.remove(id); }
        @Override public Optional<List<CategoryTree.Node>> categoryTree() { return Optional.ofNullable(tree); }
        @Override public void putCategoryTree(List<CategoryTree.Node> roots) { tree = roots; }
        @Override public void evictCategoryTree() { tree = null; }
        @Override public Optional<List<Brand>> brands() { return Optional.ofNullable(brands); }
        @Override public void putBrands(List<Brand> b) { brands = b; }
        @Override public void evictBrands() { brands = null; }
    }
}

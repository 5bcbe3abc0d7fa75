package shop.verdant.adapter.redis;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;
import shop.verdant.application.catalog.port.CatalogCache;
import shop.verdant.domain.catalog.Brand;
import shop.verdant.domain.catalog.CategoryTree;
import shop.verdant.domain.catalog.Product;
import shop.verdant.http.Json;

/**
 * Cache entries as JSON strings. A failed read is a miss (the database still answers); a failed
 * eviction is an error and propagates, because a stale entry that nobody knows about is worse.
 */
public final class RedisCatalogCache implements CatalogCache {
    static final String PRODUCT = "catalog:product:";
    static final String TREE = "catalog:category-tree";
    static final String BRANDS = "catalog:brands";
    private static final long PRODUCT_TTL_SECONDS = 3600;
    private static final long LIST_TTL_SECONDS = 86_400;

    private final JedisPooled redis;

    public RedisCatalogCache(JedisPooled redis) {
        this.redis = redis;
    }

    @Override
    public Optional<Product> product(String productId) {
        return read(() -> redis.get(PRODUCT + productId)).map(json -> Json.read(json, Product.class));
    }

    @Override
    public void putProduct(Product product) {
        write(() -> redis.setex(PRODUCT + product.productId(), PRODUCT_TTL_SECONDS, Json.write(product)));
    }

    @Override
    public void evictProduct(String productId) {
        redis.del(PRODUCT + productId);
    }

    @Override
    public Optional<List<CategoryTree.Node>> categoryTree() {
        return read(() -> redis.get(TREE)).map(json -> Json.read(json, new TypeReference<List<CategoryTree.Node>>() { }));
    }

    @Override
    public void putCategoryTree(List<CategoryTree.Node> roots) {
        write(() -> redis.setex(TREE, LIST_TTL_SECONDS, Json.write(roots)));
    }

    @Override
    public void evictCategoryTree() {
        redis.del(TREE);
    }

    @Override
    public Optional<List<Brand>> brands() {
        return read(() -> redis.get(BRANDS)).map(json -> Json.read(json, new TypeReference<List<Brand>>() { }));
    }

    @Override
    public void putBrands(List<Brand> brands) {
        write(() -> redis.setex(BRANDS, LIST_TTL_SECONDS, Json.write(brands)));
    }

    @Override
    public void evictBrands() {
        redis.del(BRANDS);
    }

    private static Optional<String> read(Supplier<String> get) {
        try {
            return Optional.ofNullable(get.get());
        } catch (JedisException e) {
            shop.verdant.http.Log.warn("cache read failed, reading the database instead", e);
            return Optional.empty();
        }
    }

    private static void write(Runnable set) {
        try {
            set.run();
        } catch (JedisException e) {
            shop.verdant.http.Log.warn("cache fill failed; the next read will try again", e);
        }
    }
}

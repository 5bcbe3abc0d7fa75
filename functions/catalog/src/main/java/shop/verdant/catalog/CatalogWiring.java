package shop.verdant.catalog;

import redis.clients.jedis.JedisPooled;
import shop.verdant.adapter.dynamodb.DynamoDb;
import shop.verdant.adapter.dynamodb.DynamoDbBrandRepository;
import shop.verdant.adapter.dynamodb.DynamoDbCategoryRepository;
import shop.verdant.adapter.dynamodb.DynamoDbProductRepository;
import shop.verdant.adapter.redis.Redis;
import shop.verdant.adapter.redis.RedisCatalogCache;
import shop.verdant.adapter.redis.RedisCatalogSnapshotStore;
import shop.verdant.application.catalog.BrowseCategories;
import shop.verdant.application.catalog.ManageCatalog;
import shop.verdant.application.catalog.SearchProducts;
import shop.verdant.application.catalog.ViewProduct;
import shop.verdant.config.Env;
import shop.verdant.domain.catalog.search.PageCursor;
import shop.verdant.domain.catalog.search.ProductQueryParser;
import shop.verdant.spec.Tables;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * The catalog functions' object graph, built once per container when the class loads (so SnapStart
 * snapshots it warm). Handlers' no-arg constructors take their collaborators from here; tests pass
 * their own through the other constructor.
 */
public final class CatalogWiring {
    private CatalogWiring() {
    }

    private static final JedisPooled REDIS = Redis.client();
    private static final DynamoDbEnhancedClient DYNAMO = DynamoDb.enhanced(DynamoDb.client());

    private static final DynamoDbProductRepository PRODUCTS =
            new DynamoDbProductRepository(DYNAMO, Env.require(Tables.PRODUCTS.envVar()));
    private static final RedisCatalogCache CACHE = new RedisCatalogCache(REDIS);
    private static final RedisCatalogSnapshotStore SNAPSHOTS = new RedisCatalogSnapshotStore(REDIS);

    static final BrowseCategories BROWSE = new BrowseCategories(
            new DynamoDbCategoryRepository(DYNAMO, Env.require(Tables.CATEGORIES.envVar())),
            new DynamoDbBrandRepository(DYNAMO, Env.require(Tables.BRANDS.envVar())),
            CACHE);
    static final SearchProducts SEARCH = new SearchProducts(SNAPSHOTS, BROWSE);
    static final ViewProduct VIEW = new ViewProduct(PRODUCTS, CACHE, SEARCH);
    static final ProductQueryParser PARSER =
            new ProductQueryParser(new PageCursor(Env.get("CURSOR_SECRET", "verdant-catalog-cursor")));
    static final ManageCatalog MANAGE = new ManageCatalog(PRODUCTS,
            new DynamoDbCategoryRepository(DYNAMO, Env.require(Tables.CATEGORIES.envVar())),
            new DynamoDbBrandRepository(DYNAMO, Env.require(Tables.BRANDS.envVar())),
            SNAPSHOTS, CACHE);
    static final String IMAGE_BASE_URL = Env.get("IMAGE_BASE_URL", "/");
}

package shop.verdant.catalog;

import java.util.List;
import java.util.Map;
import redis.clients.jedis.JedisPooled;
import shop.verdant.adapter.dynamodb.DynamoDb;
import shop.verdant.adapter.dynamodb.DynamoDbBrandRepository;
import shop.verdant.adapter.dynamodb.DynamoDbCategoryRepository;
import shop.verdant.adapter.dynamodb.DynamoDbProductRepository;
import shop.verdant.adapter.redis.Redis;
import shop.verdant.adapter.redis.RedisCatalogCache;
import shop.verdant.adapter.redis.RedisCatalogSnapshotStore;
import shop.verdant.application.catalog.BrowseCategories;
import shop.verdant.application.catalog.SearchProducts;
import shop.verdant.application.catalog.ViewProduct;
import shop.verdant.application.catalog.port.BrandRepository;
import shop.verdant.application.catalog.port.CategoryRepository;
import shop.verdant.application.catalog.port.ProductRepository;
import shop.verdant.config.Env;
import shop.verdant.config.Lazy;
import shop.verdant.config.Priming;
import shop.verdant.domain.catalog.search.PageCursor;
import shop.verdant.domain.catalog.search.ProductQuery;
import shop.verdant.domain.catalog.search.ProductQueryParser;
import shop.verdant.spec.Tables;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * The catalog functions' object graph, built once per container when the class loads. Handlers'
 * no-arg constructors take their collaborators from here; tests pass their own through the other
 * constructor. The DynamoDB side is created on first use: a search is answered from Redis alone.
 * Under SnapStart the priming hook runs a search and the read paths before the snapshot, so
 * restored containers start with every class loaded and every client connected once.
 */
public final class CatalogWiring {
    private CatalogWiring() {
    }

    private static final JedisPooled REDIS = Redis.client();
    private static final java.util.function.Supplier<DynamoDbEnhancedClient> DYNAMO =
            Lazy.memoize(() -> DynamoDb.enhanced(DynamoDb.client()));

    private static final ProductRepository PRODUCTS = Lazy.of(ProductRepository.class,
            () -> new DynamoDbProductRepository(DYNAMO.get(), Env.require(Tables.PRODUCTS.envVar())));
    private static final CategoryRepository CATEGORIES = Lazy.of(CategoryRepository.class,
            () -> new DynamoDbCategoryRepository(DYNAMO.get(), Env.require(Tables.CATEGORIES.envVar())));
    private static final BrandRepository BRANDS = Lazy.of(BrandRepository.class,
            () -> new DynamoDbBrandRepository(DYNAMO.get(), Env.require(Tables.BRANDS.envVar())));
    private static final RedisCatalogCache CACHE = new RedisCatalogCache(REDIS);

    static final BrowseCategories BROWSE = new BrowseCategories(CATEGORIES, BRANDS, CACHE);
    static final SearchProducts SEARCH = new SearchProducts(new RedisCatalogSnapshotStore(REDIS), BROWSE);
    static final ViewProduct VIEW = new ViewProduct(PRODUCTS, CACHE, SEARCH);
    static final shop.verdant.application.catalog.FollowStockChanges FOLLOW_STOCK =
            new shop.verdant.application.catalog.FollowStockChanges(PRODUCTS, new RedisCatalogSnapshotStore(REDIS), CACHE);
    static final ProductQueryParser PARSER =
            new ProductQueryParser(new PageCursor(Env.get("CURSOR_SECRET", "verdant-catalog-cursor")));
    static final String IMAGE_BASE_URL = Env.get("IMAGE_BASE_URL", "/");

    static {
        // Before the SnapStart snapshot: exercise every read path once; after restore, connections made
        // before the snapshot are dead: drop them, the pool opens new ones.
        Priming.register(() -> {
            SEARCH.search(new ProductQuery("bamboo", null, null, null, null, null, Map.of(), null, 24, 0));
            BROWSE.brands();
            CATEGORIES.findAll();
            PRODUCTS.find("priming");
            new SearchProductsHandler().handleRequest(new com.amazonaws.services.lambda.runtime.events
                    .APIGatewayProxyRequestEvent().withMultiValueQueryStringParameters(Map.of("q", List.of("glass"))), null);
        }, () -> REDIS.getPool().clear());
    }
}

package shop.verdant.catalog;

import java.util.List;
import java.util.Map;
import shop.verdant.adapter.metrics.PowertoolsMetrics;
import shop.verdant.adapter.opensearch.OpenSearchCatalog;
import shop.verdant.adapter.opensearch.OpenSearchHttp;
import shop.verdant.adapter.redis.RedisCatalog;
import shop.verdant.adapter.secrets.SecretsExtensionSecrets;
import shop.verdant.application.catalog.BrowseCategories;
import shop.verdant.application.catalog.FollowStockChanges;
import shop.verdant.application.catalog.SearchProducts;
import shop.verdant.application.catalog.ViewProduct;
import shop.verdant.application.catalog.port.CatalogSearch;
import shop.verdant.application.catalog.port.CategoryRepository;
import shop.verdant.application.catalog.port.ProductRepository;
import shop.verdant.config.Env;
import shop.verdant.config.Priming;
import shop.verdant.config.SecretSource;
import shop.verdant.contract.Need;
import shop.verdant.domain.catalog.search.PageCursor;
import shop.verdant.domain.catalog.search.ProductQuery;
import shop.verdant.domain.catalog.search.ProductQueryParser;
import shop.verdant.domain.common.Keyring;
import shop.verdant.http.Metrics;

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

    private static final SecretSource SECRETS = SecretsExtensionSecrets.fromEnvironment();
    private static final RedisCatalog REDIS = RedisCatalog.fromEnvironment(SECRETS);
    private static final shop.verdant.adapter.dynamodb.DynamoDbCatalogStores DYNAMO = new shop.verdant.adapter.dynamodb.DynamoDbCatalogStores();
    private static final ProductRepository PRODUCTS = DYNAMO.products();
    private static final CategoryRepository CATEGORIES = DYNAMO.categories();

    static final BrowseCategories BROWSE = new BrowseCategories(CATEGORIES, DYNAMO.brands(), REDIS.cache());
    /**
     * Index updates and compactions run on their own threads, off the request path: a search never waits behind
     * one while an older version can answer, and a compaction (seconds at 100k products) never delays an update.
     */
    /**
     * {@code SEARCH_BACKEND=opensearch} (with {@code OPENSEARCH_URL}, and {@code OPENSEARCH_SIGNING=aws} for a
     * domain: SigV4 with the function's role) serves search from OpenSearch, fed by the Products stream consumer;
     * the default is the in-memory index over the Redis snapshot.
     */
    static final OpenSearchCatalog OPENSEARCH = "opensearch".equals(Env.get("SEARCH_BACKEND", "memory"))
            ? new OpenSearchCatalog(OpenSearchHttp.fromEnvironment(), Env.get("OPENSEARCH_INDEX", "products"),
                    BROWSE::categoryTree, BROWSE::brandNames)
            : null;
    static final CatalogSearch SEARCH = OPENSEARCH != null ? OPENSEARCH : new SearchProducts(REDIS.snapshots(), BROWSE,
            daemonThread("catalog-index-update"), daemonThread("catalog-index-compaction"));
    static final ViewProduct VIEW = new ViewProduct(PRODUCTS, REDIS.cache(), SEARCH);
    static final shop.verdant.application.catalog.FollowCategoryChanges FOLLOW_CATEGORIES =
            new shop.verdant.application.catalog.FollowCategoryChanges(REDIS.cache(), REDIS.snapshots());
    static final FollowStockChanges FOLLOW_STOCK = new FollowStockChanges(PRODUCTS, REDIS.snapshots(), REDIS.cache(), OPENSEARCH);
    static final ProductQueryParser PARSER = new ProductQueryParser(new PageCursor(Keyring.parse(SECRETS.get(Need.CURSOR_KEY.secretName()))));
    static final String IMAGE_BASE_URL = Env.get("IMAGE_BASE_URL", "/");
    static final Metrics METRICS = PowertoolsMetrics.fromEnvironment();
    static final shop.verdant.application.tracking.Tracker TRACKER = shop.verdant.http.BehaviourSinks.tracker(METRICS);

    private static java.util.concurrent.Executor daemonThread(String name) {
        return java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

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
        }, REDIS::dropConnections);
    }
}

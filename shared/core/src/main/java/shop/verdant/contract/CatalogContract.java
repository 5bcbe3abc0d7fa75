package shop.verdant.contract;

import static shop.verdant.contract.TableAccess.READ;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The catalog context: what visitors browse and search, and the stream that keeps it in step with orders. */
public final class CatalogContract {
    private CatalogContract() {
    }

    public static final FunctionGroup GROUP = new FunctionGroup("catalog", "functions/catalog",
            "search, product pages, categories, brands", Set.of(Need.REDIS, Need.CURSOR_KEY, Need.BEHAVIOUR_LOG));

    private static Handler handler(String simpleName, Map<TableSpec, TableAccess> tables, String description) {
        return GROUP.handler(simpleName, tables, description);
    }

    public static final List<Trigger> TRIGGERS = List.of(
            Route.open("GET", "/api/products", handler("SearchProductsHandler",
                    Map.of(Tables.CATEGORIES, READ, Tables.BRANDS, READ),
                    "Searches the catalog snapshot in Redis; the category tree and brands on a cache miss")),
            Route.open("GET", "/api/products/{id}", handler("GetProductHandler",
                    Map.of(Tables.PRODUCTS, READ, Tables.CATEGORIES, READ, Tables.BRANDS, READ),
                    "A product page with its related products, read through the Redis cache")),
            Route.open("GET", "/api/categories", handler("ListCategoriesHandler",
                    Map.of(Tables.CATEGORIES, READ), "The category tree")),
            Route.open("GET", "/api/brands", handler("ListBrandsHandler", Map.of(Tables.BRANDS, READ), "Brands by name")),
            new TableStream(handler("FollowStockChangesHandler", Map.of(Tables.PRODUCTS, READ),
                    "Evicts product pages and republishes products whose availability or listing changed"), Tables.PRODUCTS),
            new TableStream(handler("FollowCategoryChangesHandler", Map.of(),
                    "Evicts the cached category tree and has search reload when an admin changes the tree"), Tables.CATEGORIES),
            new TableStream(handler("FollowBrandChangesHandler", Map.of(),
                    "Evicts the cached brand list and has search reload when an admin changes a brand"), Tables.BRANDS));
}

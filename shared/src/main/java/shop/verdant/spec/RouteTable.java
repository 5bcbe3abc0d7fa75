package shop.verdant.spec;

import java.util.List;
import shop.verdant.spec.Route.Auth;

/** Every API route: the single source for the CDK REST API and the local gateway. */
public final class RouteTable {
    private RouteTable() {
    }

    private static final String CATALOG = "shop.verdant.catalog.";

    public static final List<Route> ROUTES = List.of(
            new Route("GET", "/api/products", CATALOG + "SearchProductsHandler", "catalog", Auth.NONE, List.of()),
            new Route("GET", "/api/products/{id}", CATALOG + "GetProductHandler", "catalog", Auth.NONE, List.of()),
            new Route("GET", "/api/categories", CATALOG + "ListCategoriesHandler", "catalog", Auth.NONE, List.of()),
            new Route("GET", "/api/brands", CATALOG + "ListBrandsHandler", "catalog", Auth.NONE, List.of()));

    /** The function groups, each built into one shaded jar {@code functions/<group>/target/<group>-lambda.jar}. */
    public static List<String> groups() {
        return ROUTES.stream().map(Route::group).distinct().toList();
    }
}

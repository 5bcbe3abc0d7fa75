package shop.verdant.spec;

import java.util.List;
import java.util.Optional;
import shop.verdant.spec.Route.Auth;

/** Every API route: the single source for the CDK REST API and the local gateway. */
public final class RouteTable {
    private RouteTable() {
    }

    private static final String CATALOG = "shop.verdant.catalog.";
    private static final String SHOPPING = "shop.verdant.shopping.";

    public static final List<Route> ROUTES = List.of(
            new Route("GET", "/api/products", CATALOG + "SearchProductsHandler", "catalog", Auth.NONE, List.of()),
            new Route("GET", "/api/products/{id}", CATALOG + "GetProductHandler", "catalog", Auth.NONE, List.of()),
            new Route("GET", "/api/categories", CATALOG + "ListCategoriesHandler", "catalog", Auth.NONE, List.of()),
            new Route("GET", "/api/brands", CATALOG + "ListBrandsHandler", "catalog", Auth.NONE, List.of()),

            new Route("GET", "/api/cart", SHOPPING + "GetCartHandler", "shopping", Auth.OPTIONAL, List.of()),
            new Route("PUT", "/api/cart", SHOPPING + "ReplaceCartHandler", "shopping", Auth.OPTIONAL, List.of()),
            new Route("POST", "/api/cart/items", SHOPPING + "AddCartItemHandler", "shopping", Auth.OPTIONAL, List.of()),
            new Route("PATCH", "/api/cart/items/{productId}", SHOPPING + "UpdateCartItemHandler", "shopping", Auth.OPTIONAL, List.of()),
            new Route("DELETE", "/api/cart/items/{productId}", SHOPPING + "RemoveCartItemHandler", "shopping", Auth.OPTIONAL, List.of()),
            new Route("POST", "/api/cart/merge", SHOPPING + "MergeCartHandler", "shopping", Auth.COGNITO, List.of()),

            new Route("GET", "/api/wishlist", SHOPPING + "ListWishlistHandler", "shopping", Auth.COGNITO, List.of()),
            new Route("PUT", "/api/wishlist/{productId}", SHOPPING + "AddWishlistItemHandler", "shopping", Auth.COGNITO, List.of()),
            new Route("DELETE", "/api/wishlist/{productId}", SHOPPING + "RemoveWishlistItemHandler", "shopping", Auth.COGNITO, List.of()),
            new Route("POST", "/api/wishlist/{productId}/move-to-cart", SHOPPING + "MoveWishlistItemToCartHandler", "shopping", Auth.COGNITO, List.of()),

            new Route("POST", "/api/orders", SHOPPING + "PlaceOrderHandler", "shopping", Auth.COGNITO, List.of()),
            new Route("GET", "/api/orders", SHOPPING + "ListOrdersHandler", "shopping", Auth.COGNITO, List.of()),
            new Route("GET", "/api/orders/{id}", SHOPPING + "GetOrderHandler", "shopping", Auth.COGNITO, List.of()),
            new Route("POST", "/api/orders/{id}/cancel", SHOPPING + "CancelOrderHandler", "shopping", Auth.COGNITO, List.of()));

    /** Functions started by a schedule rather than a route: handler class, group, rate in minutes. */
    public record Scheduled(String handlerClass, String group, int everyMinutes, String description) {
        public String functionName() {
            return handlerClass.substring(handlerClass.lastIndexOf('.') + 1).replace("Handler", "");
        }
    }

    public static final List<Scheduled> SCHEDULED = List.of(
            new Scheduled(SHOPPING + "ExpireOrdersHandler", "shopping", 1,
                    "Releases the stock of unpaid orders whose reservation has expired"));

    /** Functions fed by a table's change stream: handler class, group, the table (logical name). */
    public record StreamConsumer(String handlerClass, String group, String table, String description) {
        public String functionName() {
            return handlerClass.substring(handlerClass.lastIndexOf('.') + 1).replace("Handler", "");
        }
    }

    public static final List<StreamConsumer> STREAMS = List.of(
            new StreamConsumer(CATALOG + "FollowStockChangesHandler", "catalog", "Products",
                    "Evicts product pages and republishes availability when orders move stock"));

    /** Functions Cognito calls at a point of a user's life (a user-pool trigger such as PostConfirmation). */
    public record CognitoTrigger(String handlerClass, String group, String trigger, String description) {
        public String functionName() {
            return handlerClass.substring(handlerClass.lastIndexOf('.') + 1).replace("Handler", "");
        }
    }

    public static final List<CognitoTrigger> COGNITO_TRIGGERS = List.of(
            new CognitoTrigger("shop.verdant.accounts.AddToCustomersHandler", "accounts", "PostConfirmation",
                    "Puts a user who confirmed their sign-up into the customers group"));

    /** The function groups, each built into one shaded jar {@code functions/<group>/target/<group>-lambda.jar}. */
    public static List<String> groups() {
        return ROUTES.stream().map(Route::group).distinct().toList();
    }

    /** The route a handler class serves, if it serves one. */
    public static Optional<Route> forHandler(String handlerClass) {
        return ROUTES.stream().filter(r -> r.handlerClass().equals(handlerClass)).findFirst();
    }
}

package shop.verdant.contract;

import static shop.verdant.contract.TableAccess.READ;
import static shop.verdant.contract.TableAccess.STOCK;
import static shop.verdant.contract.TableAccess.WRITE;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The shopping context: carts (visitors' too), wishlists, orders and the sweep that expires unpaid ones. */
public final class ShoppingContract {
    private ShoppingContract() {
    }

    public static final FunctionGroup GROUP = new FunctionGroup("shopping", "functions/shopping",
            "cart, wishlist, orders, expiry sweep", Set.of(Need.TOKEN_VERIFIER, Need.CART_TOKEN_KEY, Need.BEHAVIOUR_LOG));

    private static Handler handler(String simpleName, Map<TableSpec, TableAccess> tables, String description) {
        return GROUP.handler(simpleName, tables, description);
    }

    private static final Map<TableSpec, TableAccess> READ_CART = Map.of(Tables.PRODUCTS, READ, Tables.CARTS, READ);
    private static final Map<TableSpec, TableAccess> WRITE_CART = Map.of(Tables.PRODUCTS, READ, Tables.CARTS, WRITE);
    private static final Map<TableSpec, TableAccess> WRITE_WISHLIST = Map.of(Tables.PRODUCTS, READ, Tables.WISHLISTS, WRITE);
    private static final Map<TableSpec, TableAccess> MOVE_STOCK = Map.of(Tables.PRODUCTS, STOCK, Tables.ORDERS, WRITE);

    public static final List<Trigger> TRIGGERS = List.of(
            Route.optional("GET", "/api/cart", handler("GetCartHandler", READ_CART, "The cart, repriced now")),
            Route.optional("PUT", "/api/cart", handler("ReplaceCartHandler", WRITE_CART, "Replaces the cart's lines")),
            Route.optional("POST", "/api/cart/items", handler("AddCartItemHandler", WRITE_CART, "Adds a product to the cart")),
            Route.optional("PATCH", "/api/cart/items/{productId}", handler("UpdateCartItemHandler", WRITE_CART,
                    "Sets a cart line's quantity")),
            Route.optional("DELETE", "/api/cart/items/{productId}", handler("RemoveCartItemHandler", WRITE_CART,
                    "Removes a cart line")),
            Route.signedIn("POST", "/api/cart/merge", handler("MergeCartHandler", WRITE_CART,
                    "Moves the visitor cart into the signed-in customer's")),

            Route.signedIn("GET", "/api/wishlist", handler("ListWishlistHandler",
                    Map.of(Tables.PRODUCTS, READ, Tables.WISHLISTS, READ), "The wishlist with today's prices")),
            Route.signedIn("PUT", "/api/wishlist/{productId}", handler("AddWishlistItemHandler", WRITE_WISHLIST,
                    "Puts a product on the wishlist")),
            Route.signedIn("DELETE", "/api/wishlist/{productId}", handler("RemoveWishlistItemHandler", WRITE_WISHLIST,
                    "Takes a product off the wishlist")),
            Route.signedIn("POST", "/api/wishlist/{productId}/move-to-cart", handler("MoveWishlistItemToCartHandler",
                    Map.of(Tables.PRODUCTS, READ, Tables.WISHLISTS, WRITE, Tables.CARTS, WRITE),
                    "Moves a wishlist product into the cart")),

            Route.signedIn("POST", "/api/orders", handler("PlaceOrderHandler",
                    Map.of(Tables.PRODUCTS, STOCK, Tables.ORDERS, WRITE, Tables.IDEMPOTENCY, WRITE, Tables.CARTS, WRITE),
                    "Reprices, reserves stock and records the order in one transaction")),
            Route.signedIn("GET", "/api/orders", handler("ListOrdersHandler", Map.of(Tables.ORDERS, READ),
                    "The customer's orders, newest first")),
            Route.signedIn("GET", "/api/orders/{id}", handler("GetOrderHandler", Map.of(Tables.ORDERS, READ, Tables.SHIPMENTS, READ),
                    "One of the customer's orders, with its shipments")),
            Route.signedIn("POST", "/api/orders/{id}/cancel", handler("CancelOrderHandler", MOVE_STOCK,
                    "Cancels an unpaid order and gives its stock back")),

            new Schedule(handler("ExpireOrdersHandler", MOVE_STOCK,
                    "Releases the stock of unpaid orders whose reservation has expired"), 1));
}

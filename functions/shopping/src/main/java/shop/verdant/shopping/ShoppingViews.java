package shop.verdant.shopping;

import java.util.List;
import shop.verdant.application.shopping.CartView;
import shop.verdant.application.shopping.Wishlists;
import shop.verdant.domain.catalog.Product;
import shop.verdant.domain.shopping.Address;
import shop.verdant.domain.shopping.Order;
import shop.verdant.domain.shopping.OrderLine;

/** The JSON the shopping API returns. Money is minor units with its currency, always from the server. */
final class ShoppingViews {
    private ShoppingViews() {
    }

    record Price(long amount, String currency) {
        static Price of(long amount, String currency) {
            return currency == null ? null : new Price(amount, currency);
        }
    }

    record CartLineJson(String productId, String sku, String name, String image, Price unitPrice, int quantity,
                        Price subtotal, long available, Price previousPrice, List<CartView.Warning> warnings) {
    }

    record CartJson(String cartToken, List<CartLineJson> lines, Price subtotal, int itemCount, boolean orderable) {
    }

    static CartJson cart(CartView v) {
        List<CartLineJson> lines = v.lines().stream().map(l -> {
            Product p = l.product();
            String currency = p == null ? null : p.price().currency();
            return new CartLineJson(l.productId(), p == null ? null : p.sku(), p == null ? null : p.name(), image(p),
                    Price.of(l.unitPriceMinor(), currency), l.quantity(), Price.of(l.subtotalMinor(), currency),
                    l.available(), l.previousPriceMinor() == null ? null : Price.of(l.previousPriceMinor(), currency),
                    l.warnings());
        }).toList();
        return new CartJson(v.cartToken(), lines, Price.of(v.subtotalMinor(), v.currency() == null ? "EUR" : v.currency()),
                v.itemCount(), v.orderable());
    }

    record ProductJson(String id, String name, Price price, String image, boolean inStock) {
    }

    record WishlistEntryJson(String productId, String addedAt, ProductJson product) {
    }

    record WishlistJson(List<WishlistEntryJson> items) {
    }

    static WishlistJson wishlist(List<Wishlists.Entry> entries) {
        return new WishlistJson(entries.stream().map(e -> new WishlistEntryJson(e.productId(), e.addedAt().toString(),
                e.product() == null || !e.product().isVisibleToShoppers() ? null
                        : new ProductJson(e.product().productId(), e.product().name(),
                        Price.of(e.product().price().minor(), e.product().price().currency()), image(e.product()),
                        e.product().inStock()))).toList());
    }

    record OrderLineJson(String productId, String sku, String name, Price unitPrice, int quantity, Price subtotal) {
    }

    record OrderJson(String orderId, String status, String createdAt, String updatedAt, String expiresAt, Price total,
                     int itemCount, List<OrderLineJson> lines, Address shipTo) {
    }

    static OrderJson order(Order o) {
        String c = o.total().currency();
        return new OrderJson(o.orderId(), o.status().name(), o.createdAt().toString(), o.updatedAt().toString(),
                o.status().holdsReservation() ? o.expiresAt().toString() : null, Price.of(o.total().minor(), c),
                o.itemCount(), o.lines().stream().map((OrderLine l) -> new OrderLineJson(l.productId(), l.sku(), l.name(),
                Price.of(l.unitPriceMinor(), c), l.quantity(), Price.of(l.subtotalMinor(), c))).toList(), o.shipTo());
    }

    record OrderPageJson(List<OrderJson> items, String nextCursor) {
    }

    private static String image(Product p) {
        return p == null || p.images().isEmpty() ? null : ShoppingWiring.IMAGE_BASE_URL + p.images().get(0);
    }
}

package shop.verdant.shopping;

import java.util.List;
import shop.verdant.application.shopping.CartView;
import shop.verdant.application.shopping.Wishlists;
import shop.verdant.domain.catalog.Product;
import shop.verdant.domain.shopping.Address;
import shop.verdant.domain.shopping.Order;
import shop.verdant.domain.shopping.OrderLine;
import shop.verdant.domain.common.Money;
import shop.verdant.domain.shopping.Destination;
import shop.verdant.domain.shopping.OrderTotals;
import shop.verdant.domain.shopping.ShippingRates;

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

    /** What the cart costs delivered to {@code country}; {@code freeShippingIn} is what is missing for free delivery. */
    record DeliveryJson(String country, Price shipping, List<VatJson> vat, Price total, Price freeShippingFrom,
                        Price freeShippingIn) {
    }

    record CartJson(String cartToken, List<CartLineJson> lines, Price subtotal, int itemCount, boolean orderable,
                    DeliveryJson delivery) {
    }

    static CartJson cart(CartView v, Destination to, OrderTotals quote, ShippingRates rates) {
        DeliveryJson delivery = quote == null ? null : new DeliveryJson(to.country(), price(quote.shipping()),
                quote.vat().stream().map(VatJson::of).toList(), price(quote.total()), price(rates.freeFrom()),
                price(rates.missingForFreeShipping(quote.subtotal())));
        List<CartLineJson> lines = v.lines().stream().map(l -> {
            Product p = l.product();
            String currency = p == null ? null : p.price().currency();
            return new CartLineJson(l.productId(), p == null ? null : p.sku(), p == null ? null : p.name(), image(p),
                    Price.of(l.unitPriceMinor(), currency), l.quantity(), Price.of(l.subtotalMinor(), currency),
                    l.available(), l.previousPriceMinor() == null ? null : Price.of(l.previousPriceMinor(), currency),
                    l.warnings());
        }).toList();
        return new CartJson(v.cartToken(), lines, Price.of(v.subtotalMinor(), v.currency() == null ? "EUR" : v.currency()),
                v.itemCount(), v.orderable(), delivery);
    }

    static Price price(Money m) {
        return new Price(m.minor(), m.currency());
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

    /** VAT contained at one rate; {@code rate} in percent as text ("21" or "5.5"). */
    record VatJson(String rate, Price amount) {
        static VatJson of(OrderTotals.VatAmount v) {
            return new VatJson(java.math.BigDecimal.valueOf(v.rateBasisPoints(), 2).stripTrailingZeros().toPlainString(),
                    Price.of(v.amount().minor(), v.amount().currency()));
        }
    }

    /** One status a parcel reached, and when (not who: staff names stay in the back office). */
    record StepJson(String status, java.time.Instant at) {
    }

    /** A parcel: which merchant sends it and where it stands, with its timeline (no merchant data beyond its id). */
    record ShipmentJson(String merchantId, String status, String carrier, String trackingNumber, List<StepJson> history) {
    }

    /**
     * {@code payment}: how a sold order is paid (provider, refunded); {@code shipments} on the order's own page;
     * {@code placedBy}: "phone" for an order the call centre placed (which agent stays with the staff).
     */
    record PaymentJson(String provider, Price refunded) {
    }

    record OrderJson(String orderId, String status, String createdAt, String updatedAt, String expiresAt, Price subtotal,
                     Price shipping, List<VatJson> vat, Price total, int itemCount, List<OrderLineJson> lines, Address shipTo,
                     PaymentJson payment, List<ShipmentJson> shipments, String placedBy) {
    }

    static OrderJson order(Order o) {
        return order(o, null);
    }

    static OrderJson order(Order o, List<shop.verdant.domain.shopping.Shipment> shipments) {
        OrderTotals t = o.totals();
        String c = t.currency();
        return new OrderJson(o.orderId(), o.status().name(), o.createdAt().toString(), o.updatedAt().toString(),
                o.status().holdsReservation() ? o.expiresAt().toString() : null, Price.of(t.subtotal().minor(), c),
                Price.of(t.shipping().minor(), c), t.vat().stream().map(VatJson::of).toList(), Price.of(t.total().minor(), c),
                o.itemCount(), o.lines().stream().map((OrderLine l) -> new OrderLineJson(l.productId(), l.sku(), l.name(),
                Price.of(l.unitPriceMinor(), c), l.quantity(), Price.of(l.subtotalMinor(), c))).toList(), o.shipTo(),
                o.payment() == null ? null : new PaymentJson(o.payment().provider(), Price.of(o.payment().refundedMinor(), c)),
                shipments == null ? null : shipments.stream().map(s -> new ShipmentJson(s.merchantId(), s.status(), s.carrier(), s.trackingNumber(),
                        s.history().stream().map(h -> new StepJson(h.status(), h.at())).toList()))
                        .toList(),
                o.placedBy() == null ? null : "phone");
    }

    record OrderPageJson(List<OrderJson> items, String nextCursor) {
    }

    private static String image(Product p) {
        return p == null || p.images().isEmpty() ? null : ShoppingWiring.IMAGE_BASE_URL + p.images().get(0);
    }
}

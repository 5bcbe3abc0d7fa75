package shop.verdant.application.shopping;

import java.util.List;
import shop.verdant.domain.catalog.Product;
import shop.verdant.domain.common.Money;
import shop.verdant.domain.shopping.Destination;
import shop.verdant.domain.shopping.OrderTotals;
import shop.verdant.domain.shopping.ShippingRates;

/**
 * A cart as the shopper sees it: every line repriced from the catalog now, with what stands in the way
 * of ordering it. {@code cartToken} is set for a visitor's cart (the client keeps it).
 */
public record CartView(String cartToken, List<Line> lines, long subtotalMinor, String currency, int itemCount,
                       boolean orderable) {

    public enum Warning {
        /** The product is gone or no longer sold. */
        UNAVAILABLE,
        /** None left. */
        OUT_OF_STOCK,
        /** Fewer left than the cart asks for; {@code available} says how many. */
        LOW_STOCK,
        /** The shopper asked for more than is in stock; the line holds what there is ({@code available}). */
        CAPPED,
        /** The unit price differs from the one shown when it was added; {@code previousPriceMinor} has it. */
        PRICE_CHANGED
    }

    /** What ordering this cart would cost delivered to {@code to}; null for an empty cart. */
    public OrderTotals quote(Destination to, ShippingRates rates) {
        return currency == null || itemCount == 0 ? null : OrderTotals.of(Money.of(subtotalMinor, currency), to, rates);
    }

    /** This view with one more warning on a product's line. */
    public CartView withWarning(String productId, Warning warning) {
        List<Line> marked = lines.stream().map(l -> !l.productId().equals(productId) ? l
                : new Line(l.productId(), l.product(), l.quantity(), l.unitPriceMinor(), l.subtotalMinor(), l.available(),
                l.previousPriceMinor(), java.util.stream.Stream.concat(l.warnings().stream(), java.util.stream.Stream.of(warning)).toList()))
                .toList();
        return new CartView(cartToken, marked, subtotalMinor, currency, itemCount, orderable);
    }

    public record Line(String productId, Product product, int quantity, long unitPriceMinor, long subtotalMinor,
                       long available, Long previousPriceMinor, List<Warning> warnings) {
    }
}

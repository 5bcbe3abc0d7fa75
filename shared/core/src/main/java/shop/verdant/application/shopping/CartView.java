package shop.verdant.application.shopping;

import java.util.List;
import shop.verdant.domain.catalog.Product;

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
        /** The unit price differs from the one shown when it was added; {@code previousPriceMinor} has it. */
        PRICE_CHANGED
    }

    public record Line(String productId, Product product, int quantity, long unitPriceMinor, long subtotalMinor,
                       long available, Long previousPriceMinor, List<Warning> warnings) {
    }
}

package shop.verdant.domain.shopping;

import java.util.ArrayList;
import java.util.List;
import shop.verdant.domain.common.Money;

/**
 * The one pricing rule for carts and orders: each line costs the catalog's unit price (VAT included) times
 * its quantity, and the subtotal is the sum of the lines, in one currency. Prices come from the catalog at
 * the moment of pricing, never from a client.
 */
public final class Pricing {
    private Pricing() {
    }

    /** What to price: a product at its current catalog price, so many times. */
    public record Wanted(String productId, Money unitPrice, int quantity) {
    }

    /** A priced line. */
    public record Line(String productId, Money unitPrice, int quantity, Money total) {
    }

    /** The priced lines and their sum; {@code subtotal} is null when there is nothing to price. */
    public record Priced(List<Line> lines, Money subtotal) {
        public Priced {
            lines = List.copyOf(lines);
        }
    }

    /** Products priced in different currencies cannot be added up: a cart or an order holds one currency. */
    public static final class MixedCurrencies extends RuntimeException {
        public MixedCurrencies(String a, String b) {
            super("cannot price " + a + " and " + b + " together");
        }
    }

    public static Priced price(List<Wanted> wanted) {
        List<Line> lines = new ArrayList<>(wanted.size());
        Money subtotal = null;
        for (Wanted w : wanted) {
            if (subtotal != null && !subtotal.currency().equals(w.unitPrice().currency())) {
                throw new MixedCurrencies(subtotal.currency(), w.unitPrice().currency());
            }
            Money total = w.unitPrice().times(w.quantity());
            lines.add(new Line(w.productId(), w.unitPrice(), w.quantity(), total));
            subtotal = subtotal == null ? total : subtotal.plus(total);
        }
        return new Priced(lines, subtotal);
    }
}

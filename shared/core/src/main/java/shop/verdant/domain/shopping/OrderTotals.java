package shop.verdant.domain.shopping;

import java.util.List;
import java.util.Objects;
import shop.verdant.domain.common.Money;

/**
 * What an order costs, all VAT included: the goods ({@code subtotal}), {@code shipping}, the VAT those amounts
 * contain per rate, and the {@code total} charged = subtotal + shipping.
 */
public record OrderTotals(Money subtotal, Money shipping, List<VatAmount> vat, Money total) {

    /** The VAT contained at one rate (basis points: 2100 = 21 %). */
    public record VatAmount(int rateBasisPoints, Money amount) {
    }

    public OrderTotals {
        Objects.requireNonNull(subtotal, "subtotal");
        Objects.requireNonNull(shipping, "shipping");
        vat = List.copyOf(vat);
        if (!subtotal.plus(shipping).equals(total)) {
            throw new IllegalArgumentException("total " + total + " is not subtotal + shipping");
        }
    }

    /**
     * Totals for goods worth {@code subtotal} sent to {@code to}. Goods and shipping are taxed at the
     * destination's standard rate, so today there is one rate; its VAT is computed once on the total, so it never
     * drifts from line-by-line rounding. (Reduced-rate goods would add one entry per rate.)
     */
    public static OrderTotals of(Money subtotal, Destination to, ShippingRates rates) {
        Money shipping = rates.shipping(subtotal, to);
        Money total = subtotal.plus(shipping);
        int rate = to.vatBasisPoints();
        return new OrderTotals(subtotal, shipping, List.of(new VatAmount(rate, total.vatContained(rate))), total);
    }

    public String currency() {
        return total.currency();
    }
}

package shop.verdant.domain.shopping;

import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
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
     * Totals for goods priced into {@code priced} and sent to {@code to}. Goods and shipping are taxed at the
     * destination's standard rate; the VAT is computed once per rate on the sum at that rate, so it never
     * drifts from line-by-line rounding.
     */
    public static OrderTotals of(Money subtotal, Destination to, ShippingRates rates) {
        Money shipping = rates.shipping(subtotal, to);
        Money total = subtotal.plus(shipping);
        TreeMap<Integer, Money> taxable = new TreeMap<>();
        taxable.merge(to.vatBasisPoints(), total, Money::plus);
        List<VatAmount> vat = taxable.entrySet().stream()
                .map(e -> new VatAmount(e.getKey(), e.getValue().vatContained(e.getKey()))).toList();
        return new OrderTotals(subtotal, shipping, vat, total);
    }

    public String currency() {
        return total.currency();
    }
}

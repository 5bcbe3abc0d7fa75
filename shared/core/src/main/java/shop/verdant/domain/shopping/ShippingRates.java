package shop.verdant.domain.shopping;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import shop.verdant.domain.common.Money;

/**
 * What delivery costs: a flat rate per zone (VAT included, at the destination's rate like the goods), free
 * when the goods come to at least {@code freeFrom}.
 */
public record ShippingRates(Map<Destination.Zone, Money> perZone, Money freeFrom) {

    /** The shop's rates: €4.95 in the Netherlands, €8.95 elsewhere in the EU, free from €40 (the footer's promise). */
    public static final ShippingRates STANDARD = new ShippingRates(Map.of(
            Destination.Zone.DOMESTIC, Money.of(495, "EUR"), Destination.Zone.EU, Money.of(895, "EUR")), Money.of(4000, "EUR"));

    public ShippingRates {
        perZone = Map.copyOf(new EnumMap<>(perZone));
        Objects.requireNonNull(freeFrom, "freeFrom");
        for (Destination.Zone zone : Destination.Zone.values()) {
            if (!perZone.containsKey(zone)) {
                throw new IllegalArgumentException("no shipping rate for " + zone);
            }
        }
    }

    /** Shipping for goods worth {@code goods} to {@code to}; free from the threshold. */
    public Money shipping(Money goods, Destination to) {
        Money rate = perZone.get(to.zone());
        if (!rate.currency().equals(goods.currency())) {
            throw new shop.verdant.domain.common.UnprocessableException("currency-not-shipped", "Cannot ship in this currency",
                    "Delivery is priced in " + rate.currency() + "; these goods are priced in " + goods.currency() + ".");
        }
        return goods.isAtLeast(freeFrom) ? Money.zero(goods.currency()) : rate;
    }

    /** How much more to spend for free shipping (zero once there). */
    public Money missingForFreeShipping(Money goods) {
        return goods.isAtLeast(freeFrom) ? Money.zero(goods.currency()) : freeFrom.minus(goods);
    }
}

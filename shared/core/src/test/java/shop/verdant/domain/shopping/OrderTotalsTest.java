package shop.verdant.domain.shopping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import shop.verdant.domain.common.Money;
import shop.verdant.domain.common.UnprocessableException;
import shop.verdant.domain.common.ValidationException;

class OrderTotalsTest {
    private static final Destination NL = Destination.of("NL").orElseThrow();
    private static final Destination DE = Destination.of("DE").orElseThrow();

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }

    @Test
    void shippingIsChargedBelowTheThresholdAndFreeFromIt() {
        assertThat(OrderTotals.of(eur(3999), NL, ShippingRates.STANDARD).shipping()).isEqualTo(eur(495));
        assertThat(OrderTotals.of(eur(3999), DE, ShippingRates.STANDARD).shipping()).isEqualTo(eur(895));
        assertThat(OrderTotals.of(eur(4000), NL, ShippingRates.STANDARD).shipping()).isEqualTo(eur(0));
        assertThat(OrderTotals.of(eur(4000), DE, ShippingRates.STANDARD).shipping()).isEqualTo(eur(0));
        assertThat(ShippingRates.STANDARD.missingForFreeShipping(eur(3550))).isEqualTo(eur(450));
        assertThat(ShippingRates.STANDARD.missingForFreeShipping(eur(5000))).isEqualTo(eur(0));
    }

    @Test
    void theVatContainedFollowsTheDestinationsRate() {
        // €24.20 of goods + €4.95 shipping = €29.15, of which 21 % VAT in NL: 29.15 × 21/121 = 5.059… → €5.06
        OrderTotals nl = OrderTotals.of(eur(2420), NL, ShippingRates.STANDARD);
        assertThat(nl.total()).isEqualTo(eur(2915));
        assertThat(nl.vat()).containsExactly(new OrderTotals.VatAmount(2100, eur(506)));
        // the same goods to Germany: €24.20 + €8.95 = €33.15 at 19 %: 33.15 × 19/119 = 5.292… → €5.29
        OrderTotals de = OrderTotals.of(eur(2420), DE, ShippingRates.STANDARD);
        assertThat(de.total()).isEqualTo(eur(3315));
        assertThat(de.vat()).containsExactly(new OrderTotals.VatAmount(1900, eur(529)));
    }

    @Test
    void vatRoundsHalfUpToTheCent() {
        assertThat(eur(121).vatContained(2100)).isEqualTo(eur(21));
        assertThat(eur(100).vatContained(2100)).isEqualTo(eur(17));     // 17.355… → 17
        assertThat(eur(1).vatContained(10_000)).isEqualTo(eur(1));      // 0.5 → 1
        assertThat(eur(-121).vatContained(2100)).isEqualTo(eur(-21));   // refunds mirror charges
        assertThat(eur(0).vatContained(2100)).isEqualTo(eur(0));
    }

    @Property(tries = 500)
    void totalsAlwaysAddUp(@ForAll @LongRange(min = 1, max = 10_000_000) long goods) {
        for (Destination to : Destination.ALL) {
            OrderTotals t = OrderTotals.of(eur(goods), to, ShippingRates.STANDARD);
            assertThat(t.total()).isEqualTo(t.subtotal().plus(t.shipping()));
            assertThat(t.shipping().isZero()).isEqualTo(goods >= 4000);
            Money vat = t.vat().get(0).amount();
            // VAT is the part of the gross that is tax: gross = net × (1 + rate), within half a cent
            double exact = t.total().minor() * to.vatBasisPoints() / (10_000.0 + to.vatBasisPoints());
            assertThat((double) vat.minor()).isCloseTo(exact, org.assertj.core.data.Offset.offset(0.5));
        }
    }

    @Test
    void aTotalThatIsNotSubtotalPlusShippingCannotExist() {
        assertThatThrownBy(() -> new OrderTotals(eur(100), eur(10), java.util.List.of(), eur(100)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deliveryIsPricedInEurosOnly() {
        assertThatThrownBy(() -> OrderTotals.of(Money.of(5000, "USD"), NL, ShippingRates.STANDARD))
                .isInstanceOf(UnprocessableException.class);
        assertThatThrownBy(() -> new ShippingRates(Map.of(Destination.Zone.DOMESTIC, eur(1)), eur(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addressesAreValidatedPerCountry() {
        assertThat(new Address("A", "Street 1", null, "Amsterdam", "1012ab", "NL").validated("shipTo").postcode()).isEqualTo("1012AB");
        assertThat(new Address("A", "Str 1", null, "Lisboa", "1000-001", "PT").validated("shipTo").country()).isEqualTo("PT");
        assertThatThrownBy(() -> new Address("A", "Street 1", null, "Amsterdam", "10115", "NL").validated("shipTo"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(f -> {
                            assertThat(f.field()).isEqualTo("shipTo.postcode");
                            assertThat(f.message()).contains("Netherlands").contains("1012 AB");
                        }));
        assertThatThrownBy(() -> new Address("A", "Street 1", null, "Berlin", "1012 AB", "DE").validated("shipTo"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new Address("A", "1 Main St", null, "Springfield", "12345", "US").validated("shipTo"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(f -> assertThat(f.field()).isEqualTo("shipTo.country")));
        for (Destination d : Destination.ALL) {
            assertThat(d.acceptsPostcode(d.postcodeExample())).as(d.country()).isTrue();
        }
    }
}

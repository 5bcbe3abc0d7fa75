package shop.verdant.domain.shopping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import shop.verdant.domain.common.Money;

class PricingTest {
    @Test
    void eachLineIsUnitTimesQuantity_andTheSubtotalTheirSum() {
        var priced = Pricing.price(List.of(new Pricing.Wanted("a", Money.of(1399, "EUR"), 3),
                new Pricing.Wanted("b", Money.of(2450, "EUR"), 1)));
        assertThat(priced.lines()).extracting(Pricing.Line::total).containsExactly(Money.of(4197, "EUR"), Money.of(2450, "EUR"));
        assertThat(priced.subtotal()).isEqualTo(Money.of(6647, "EUR"));
        assertThat(Pricing.price(List.of()).subtotal()).isNull();
    }

    @Test
    void refusesToAddUpCurrencies_andToOverflow() {
        assertThatThrownBy(() -> Pricing.price(List.of(new Pricing.Wanted("a", Money.of(100, "EUR"), 1),
                new Pricing.Wanted("b", Money.of(100, "USD"), 1)))).isInstanceOf(Pricing.MixedCurrencies.class);
        assertThatThrownBy(() -> Pricing.price(List.of(new Pricing.Wanted("a", Money.of(Long.MAX_VALUE / 2, "EUR"), 3))))
                .isInstanceOf(ArithmeticException.class);
    }
}

package shop.verdant.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {
    @Test
    void addsAndMultipliesExactly() {
        assertThat(Money.of(1999, "EUR").times(3).plus(Money.of(1, "EUR"))).isEqualTo(Money.of(5998, "EUR"));
    }

    @Test
    void refusesMixedCurrenciesBadCodesAndOverflow() {
        assertThatThrownBy(() -> Money.of(1, "EUR").plus(Money.of(1, "USD"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(1, "euro")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "EUR").times(2)).isInstanceOf(ArithmeticException.class);
    }
}

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

    @Test
    void allocatesTheLeftoverCentsToTheLargestRemainders() {
        Money[] parts = Money.of(100, "EUR").allocate(1, 1, 1);
        assertThat(parts).containsExactly(Money.of(34, "EUR"), Money.of(33, "EUR"), Money.of(33, "EUR"));
        assertThat(Money.of(1000, "EUR").allocate(2995, 1995)).containsExactly(Money.of(600, "EUR"), Money.of(400, "EUR"));
        assertThat(Money.of(-5, "EUR").allocate(1, 0, 1)).containsExactly(Money.of(-3, "EUR"), Money.of(0, "EUR"), Money.of(-2, "EUR"));
        assertThatThrownBy(() -> Money.of(5, "EUR").allocate(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void averagesRoundHalfUp() {
        assertThat(Money.of(1000, "EUR").averageOver(3)).isEqualTo(Money.of(333, "EUR"));
        assertThat(Money.of(1001, "EUR").averageOver(2)).isEqualTo(Money.of(501, "EUR"));
        assertThat(Money.of(-1001, "EUR").averageOver(2)).isEqualTo(Money.of(-501, "EUR"));
    }
}

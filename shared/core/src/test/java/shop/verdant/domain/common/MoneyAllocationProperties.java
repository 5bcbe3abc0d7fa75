package shop.verdant.domain.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class MoneyAllocationProperties {

    @Property(tries = 500)
    void partsAddUpExactlyAndStayWithinAUnitOfTheirShare(@ForAll @LongRange(min = -10_000_000, max = 10_000_000) long amount,
                                                         @ForAll @Size(min = 1, max = 8) java.util.List<@LongRange(min = 0, max = 1_000_000) Long> given) {
        long[] weights = given.stream().mapToLong(Long::longValue).toArray();
        if (Arrays.stream(weights).sum() == 0) {
            weights[0] = 1;
        }
        Money[] parts = Money.of(amount, "EUR").allocate(weights);
        assertThat(Arrays.stream(parts).mapToLong(Money::minor).sum()).isEqualTo(amount);
        double sum = Arrays.stream(weights).sum();
        for (int i = 0; i < parts.length; i++) {
            double exact = amount * (weights[i] / sum);
            assertThat(Math.abs(parts[i].minor() - exact)).isLessThan(1.0 + 1e-6);
            if (weights[i] == 0) {
                assertThat(parts[i].minor()).isZero();
            }
        }
    }
}

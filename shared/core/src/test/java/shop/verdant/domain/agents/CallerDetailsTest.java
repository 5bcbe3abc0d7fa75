package shop.verdant.domain.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import shop.verdant.domain.common.ValidationException;

class CallerDetailsTest {

    @Test
    void detailsAreCleanedUp_asAnAgentTypesThem() {
        CallerDetails d = CallerDetails.of("  Ann   de  Vries ", " Ann@Example.COM ", "+31 (6) 1234-5678", "customer.");
        assertThat(d).isEqualTo(new CallerDetails("Ann de Vries", "ann@example.com", "+31612345678"));
        assertThat(CallerDetails.phone("0031 20 555 0101")).isEqualTo("+31205550101");
        assertThat(CallerDetails.of("Bo", "bo@example.nl", null, "").phone()).as("a phone is optional").isNull();
    }

    @Test
    void everyBadFieldIsNamed_andNothingThatCouldBreakAFilterPasses() {
        assertThatThrownBy(() -> CallerDetails.of("B", "nope", "12345", "customer."))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(f -> f.field())
                        .containsExactly("customer.name", "customer.email", "customer.phone"));
        for (String email : new String[] {"a\"b@example.com", "a\\b@example.com", "a b@example.com", "a@b", "@example.com", null}) {
            assertThat(CallerDetails.email(email)).as(String.valueOf(email)).isNull();
        }
        for (String phone : new String[] {"0612345678", "+0123456789", "+31 6 1234 5678 9999 99", "call me", ""}) {
            assertThat(CallerDetails.phone(phone)).as(phone).isNull();
        }
    }
}

package shop.verdant.application.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.verdant.domain.common.ValidationException;

class InsightQueryTest {
    static final Clock NOW = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

    static InsightQuery parse(String... kv) {
        Map<String, List<String>> params = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            params.put(kv[i], List.of(kv[i + 1]));
        }
        return InsightQuery.parse(params, NOW);
    }

    @Test
    void byDefaultTheLastSevenDaysByDay() {
        InsightQuery q = parse();
        assertThat(q.to()).isEqualTo(Instant.parse("2026-12-01T12:00:00Z"));
        assertThat(q.from()).isEqualTo(Instant.parse("2026-11-24T12:00:00Z"));
        assertThat(q.interval()).isEqualTo(InsightQuery.Interval.DAY);
    }

    @Test
    void aDateAsToIncludesThatWholeDay() {
        InsightQuery q = parse("from", "2026-11-30", "to", "2026-11-30");
        assertThat(q.from()).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(q.to()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(q.interval()).isEqualTo(InsightQuery.Interval.HOUR);
        assertThat(parse("from", "2026-11-30T06:00:00Z", "interval", "Week").interval()).isEqualTo(InsightQuery.Interval.WEEK);
    }

    @Test
    void badRangesNameTheirField() {
        assertThatThrownBy(() -> parse("from", "yesterday")).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors().get(0).field()).isEqualTo("from"));
        assertThatThrownBy(() -> parse("from", "2026-12-02", "to", "2026-12-01")).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors().get(0).field()).isEqualTo("from"));
        assertThatThrownBy(() -> parse("from", "2024-01-01")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> parse("interval", "minute")).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors().get(0).field()).isEqualTo("interval"));
        assertThatThrownBy(() -> parse("from", "2026-01-01", "interval", "hour")).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors().get(0).field()).isEqualTo("interval"));
    }
}

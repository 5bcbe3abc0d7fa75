package shop.verdant.application.insights;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import shop.verdant.domain.common.FieldError;
import shop.verdant.domain.common.ValidationException;

/**
 * What an insight covers: events at or after {@code from} and before {@code to} (UTC), bucketed by {@code interval}
 * for trends. Read from {@code ?from=&to=&interval=}: a date ({@code 2026-12-01}; as {@code to}, the whole day
 * counts) or an instant ({@code 2026-12-01T10:00:00Z}); by default the last 7 days, by day.
 */
public record InsightQuery(Instant from, Instant to, Interval interval) {
    public static final Duration LONGEST = Duration.ofDays(400);
    public static final int MAX_BUCKETS = 400;

    public enum Interval {
        HOUR(Duration.ofHours(1), "1h"), DAY(Duration.ofDays(1), "1d"), WEEK(Duration.ofDays(7), "1w");

        private final Duration length;
        private final String calendar;

        Interval(Duration length, String calendar) {
            this.length = length;
            this.calendar = calendar;
        }

        /** OpenSearch's calendar_interval. */
        public String calendar() {
            return calendar;
        }
    }

    public static InsightQuery parse(Map<String, List<String>> params, Clock clock) {
        List<FieldError> errors = new ArrayList<>();
        Instant to = instant(first(params, "to"), true, "to", errors);
        if (to == null) {
            to = clock.instant();
        }
        Instant from = instant(first(params, "from"), false, "from", errors);
        if (from == null) {
            from = to.minus(Duration.ofDays(7));
        }
        String rawInterval = first(params, "interval");
        Interval interval = null;
        if (rawInterval != null) {
            try {
                interval = Interval.valueOf(rawInterval.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("interval", "Use hour, day or week."));
            }
        }
        if (errors.isEmpty()) {
            if (!from.isBefore(to)) {
                errors.add(new FieldError("from", "from must be before to."));
            } else if (Duration.between(from, to).compareTo(LONGEST) > 0) {
                errors.add(new FieldError("from", "An insight covers at most " + LONGEST.toDays() + " days."));
            } else {
                Duration span = Duration.between(from, to);
                if (interval == null) {
                    interval = span.compareTo(Duration.ofDays(3)) <= 0 ? Interval.HOUR
                            : span.compareTo(Duration.ofDays(120)) <= 0 ? Interval.DAY : Interval.WEEK;
                }
                if (span.dividedBy(interval.length) > MAX_BUCKETS) {
                    errors.add(new FieldError("interval", "That is more than " + MAX_BUCKETS + " " + interval.name()
                            .toLowerCase(Locale.ROOT) + "s; choose a longer interval or a shorter range."));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new InsightQuery(from, to, interval);
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() || v.get(0) == null || v.get(0).isBlank() ? null : v.get(0).trim();
    }

    private static Instant instant(String raw, boolean endOfDay, String field, List<FieldError> errors) {
        if (raw == null) {
            return null;
        }
        try {
            if (raw.length() == 10) {
                LocalDate day = LocalDate.parse(raw);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "Use a date (2026-12-01) or an instant (2026-12-01T10:00:00Z)."));
            return null;
        }
    }
}

package shop.verdant.domain.backoffice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import shop.verdant.domain.common.FieldError;
import shop.verdant.domain.common.ValidationException;

/**
 * A merchant's move of what can be ordered: by {@code delta} units (a delivery in, damaged goods out) or to a
 * counted level ({@code set}), always with a reason. Only what is available moves: units held by pending orders
 * (reserved) and sold are never touched.
 */
public record StockAdjustment(Long delta, Long set, Reason reason, String note) {
    public static final long MAX_UNITS = 1_000_000;
    public static final int NOTE_MAX = 200;

    public enum Reason {
        RESTOCK, CORRECTION, COUNT, DAMAGED, RETURNED, IMPORT;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Reason parse(String code) {
            for (Reason r : values()) {
                if (r.code().equals(code)) {
                    return r;
                }
            }
            return null;
        }
    }

    /** Parses and validates what a client sent; every problem at once. */
    public static StockAdjustment of(Long delta, Long set, String reason, String note) {
        List<FieldError> errors = new ArrayList<>();
        if ((delta == null) == (set == null)) {
            errors.add(new FieldError("delta", "Send either delta (units to add or, negative, remove) or set (the new level)."));
        }
        if (delta != null && (delta == 0 || Math.abs(delta) > MAX_UNITS)) {
            errors.add(new FieldError("delta", "Not 0, and at most " + MAX_UNITS + " units either way."));
        }
        if (set != null && (set < 0 || set > MAX_UNITS)) {
            errors.add(new FieldError("set", "Between 0 and " + MAX_UNITS + "."));
        }
        Reason r = Reason.parse(reason);
        if (r == null || r == Reason.IMPORT) {
            errors.add(new FieldError("reason", "One of restock, correction, count, damaged, returned."));
        }
        if (note != null && note.length() > NOTE_MAX) {
            errors.add(new FieldError("note", "At most " + NOTE_MAX + " characters."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new StockAdjustment(delta, set, r, note == null || note.isBlank() ? null : note.strip());
    }

    /** The units this moves when {@code available} is what is there now. */
    public long deltaFrom(long available) {
        return delta != null ? delta : set - available;
    }
}

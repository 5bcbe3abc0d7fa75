package shop.verdant.application.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import shop.verdant.application.audit.port.AuditLog;
import shop.verdant.domain.audit.ChangeRecord;
import shop.verdant.domain.audit.AuditEntry;
import shop.verdant.domain.common.FieldError;
import shop.verdant.domain.common.ValidationException;

/** The audit log as the shop uses it: what the change feed brings is recorded once; admins read it back. */
public final class AuditTrail {
    private final AuditLog log;
    private final Set<String> entities;

    /** {@code entities}: the names of the audited entities ({@code product}, {@code order}, ...). */
    public AuditTrail(AuditLog log, Set<String> entities) {
        this.log = log;
        this.entities = Set.copyOf(entities);
    }

    /** Records the change: the entry written, or empty when there was nothing to record or it was before (a replay). */
    public java.util.Optional<AuditEntry> record(ChangeRecord change) {
        return AuditEntry.of(change).filter(log::append);
    }

    /** GET /api/admin/audit's parameters as they came; each wrong one is named. */
    public AuditLog.Page find(String entity, String id, String actor, String from, String to, String cursor, Integer limit) {
        List<FieldError> errors = new ArrayList<>();
        String e = blankToNull(entity);
        String i = blankToNull(id);
        String a = blankToNull(actor);
        if (e != null && !entities.contains(e)) {
            errors.add(new FieldError("entity", "One of " + String.join(", ", entities.stream().sorted().toList()) + "."));
        }
        if (i != null && e == null) {
            errors.add(new FieldError("id", "An id needs its entity."));
        }
        if (a != null && !a.matches("[a-z]+:[^\\s]{1,128}")) {
            errors.add(new FieldError("actor", "role:id, e.g. admin:<sub> or system:sweeper."));
        }
        Instant f = instant(from, "from", errors);
        Instant t = instant(to, "to", errors);
        if (f != null && t != null && !f.isBefore(t)) {
            errors.add(new FieldError("to", "Later than from."));
        }
        int n = limit == null ? 50 : limit;
        if (n < 1 || n > 100) {
            errors.add(new FieldError("limit", "1 to 100."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return log.find(new AuditLog.Query(e, i, a, f, t), blankToNull(cursor), n);
    }

    private static Instant instant(String value, String field, List<FieldError> errors) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return v.length() == 10 ? java.time.LocalDate.parse(v).atStartOfDay(java.time.ZoneOffset.UTC).toInstant() : Instant.parse(v);
        } catch (DateTimeParseException ex) {
            errors.add(new FieldError(field, "An ISO date (2026-12-01) or instant (2026-12-01T09:30:00Z)."));
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

package shop.verdant.domain.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One line of the audit log: what changed on which entity, the fields before and after (as JSON text), who did it,
 * and when. {@code eventId} is the change feed's id of the change, so the same change read twice is the same entry.
 */
public record AuditEntry(String entity, String entityId, String action, Instant at, String eventId, Actor actor,
                         List<FieldChange> changes) {

    /**
     * The attribute every write of the shop stamps on an audited item: {@code {role, id, requestId, ip, write}}, where
     * {@code write} is new on every write, so a change that kept the previous stamp was not made by the shop's code.
     */
    public static final String STAMP = "changedBy";

    /** Longer values are cut to this many characters (an entry stays far below DynamoDB's item size). */
    static final int MAX_VALUE_CHARS = 2000;

    public record FieldChange(String field, String before, String after) {
    }

    public AuditEntry {
        changes = List.copyOf(changes);
    }

    /**
     * The entry a change makes; empty when nothing but the stamp changed (a write that kept every value: nothing to
     * record).
     */
    public static Optional<AuditEntry> of(ChangeRecord change) {
        List<FieldChange> changes = diff(change.before(), change.after());
        if (changes.isEmpty() && change.kind() == ChangeRecord.Kind.MODIFY) {
            return Optional.empty();
        }
        return Optional.of(new AuditEntry(change.entity(), change.entityId(), action(change), change.at(), change.eventId(),
                actor(change), changes));
    }

    private static String action(ChangeRecord change) {
        return switch (change.kind()) {
            case INSERT -> "created";
            case MODIFY -> "updated";
            case REMOVE -> change.expired() ? "expired" : "deleted";
        };
    }

    /**
     * Who acted. A write carries a fresh stamp; a removal carries none (DynamoDB deletes name no attributes), so the shop
     * stamps an item just before it deletes it and the stamp of the item's last image names the deleter.
     */
    static Actor actor(ChangeRecord change) {
        if (change.expired()) {
            return Actor.system("ttl", null);
        }
        Object after = change.after().get(STAMP);
        Object before = change.before().get(STAMP);
        return switch (change.kind()) {
            case INSERT -> Actor.fromStamp(after);
            case MODIFY -> after != null && !writeOf(after).equals(writeOf(before)) ? Actor.fromStamp(after) : Actor.UNKNOWN;
            case REMOVE -> Actor.fromStamp(before);
        };
    }

    private static Object writeOf(Object stamp) {
        return stamp instanceof Map<?, ?> m ? Objects.requireNonNullElse(m.get("write"), "") : "";
    }

    /** Every top-level attribute whose value differs, by name; the stamp is who, not what. */
    static List<FieldChange> diff(Map<String, Object> before, Map<String, Object> after) {
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        names.remove(STAMP);
        List<FieldChange> out = new ArrayList<>();
        for (String name : names) {
            Object b = before.get(name);
            Object a = after.get(name);
            if (!same(b, a)) {
                out.add(new FieldChange(name, b == null ? null : cut(json(b)), a == null ? null : cut(json(a))));
            }
        }
        return out;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    private static String cut(String s) {
        return s.length() <= MAX_VALUE_CHARS ? s : s.substring(0, MAX_VALUE_CHARS - 1) + "…";
    }

    /** A plain value as JSON text: maps with their keys in order, so equal values read the same. */
    static String json(Object v) {
        StringBuilder sb = new StringBuilder();
        write(sb, v);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            quote(sb, s);
        } else if (v instanceof BigDecimal d) {
            sb.append(d.stripTrailingZeros().toPlainString());
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Object k : new TreeSet<>(m.keySet().stream().map(String::valueOf).toList())) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                quote(sb, (String) k);
                sb.append(':');
                write(sb, m.get(k));
            }
            sb.append('}');
        } else if (v instanceof Collection<?> c) {
            sb.append('[');
            boolean first = true;
            for (Object e : c) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                write(sb, e);
            }
            sb.append(']');
        } else {
            quote(sb, v.toString());
        }
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}

package shop.verdant.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.verdant.domain.audit.ChangeRecord.Kind;

/** What an audit entry says of a change: the action, who acted by the stamp, and exactly the fields that changed. */
class AuditEntryTest {
    static final Instant AT = Instant.parse("2026-12-01T10:00:00.250Z");

    static Map<String, Object> stamp(String role, String id, String write) {
        return Map.of("role", role, "id", id, "requestId", "req-" + write, "ip", "203.0.113.0", "write", write);
    }

    static Map<String, Object> item(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    static ChangeRecord change(Kind kind, Map<String, Object> before, Map<String, Object> after) {
        return new ChangeRecord("product", "p-1", kind, "ev-1", AT, before, after, false);
    }

    @Test
    void aCreationNamesItsMakerAndEveryField() {
        var e = AuditEntry.of(change(Kind.INSERT, null, item("productId", "p-1", "name", "Cup", "priceMinor", new BigDecimal("1299"),
                AuditEntry.STAMP, stamp("merchant", "sub-m", "w1")))).orElseThrow();
        assertThat(e.action()).isEqualTo("created");
        assertThat(e.actor()).isEqualTo(new Actor("merchant", "sub-m", "req-w1", "203.0.113.0"));
        assertThat(e.changes()).containsExactly(new AuditEntry.FieldChange("name", null, "\"Cup\""),
                new AuditEntry.FieldChange("priceMinor", null, "1299"), new AuditEntry.FieldChange("productId", null, "\"p-1\""));
        assertThat(e.eventId()).isEqualTo("ev-1");
        assertThat(e.at()).isEqualTo(AT);
    }

    @Test
    void anUpdateListsOnlyWhatChanged_beforeAndAfter() {
        var before = item("name", "Cup", "stockAvailable", new BigDecimal("5"), "tags", List.of("a", "b"),
                AuditEntry.STAMP, stamp("merchant", "sub-m", "w1"));
        var after = item("name", "Cup", "stockAvailable", new BigDecimal("5.0"), "tags", List.of("a", "c"), "status", "ACTIVE",
                AuditEntry.STAMP, stamp("customer", "sub-c", "w2"));
        var e = AuditEntry.of(change(Kind.MODIFY, before, after)).orElseThrow();
        assertThat(e.action()).isEqualTo("updated");
        assertThat(e.actor().key()).isEqualTo("customer:sub-c");
        assertThat(e.changes()).as("5 and 5.0 are the same number; the stamp is who, not what").containsExactly(
                new AuditEntry.FieldChange("status", null, "\"ACTIVE\""),
                new AuditEntry.FieldChange("tags", "[\"a\",\"b\"]", "[\"a\",\"c\"]"));
    }

    @Test
    void aWriteThatChangedNothingButTheStampIsNoEntry() {
        var before = item("name", "Cup", AuditEntry.STAMP, stamp("merchant", "sub-m", "w1"));
        var after = item("name", "Cup", AuditEntry.STAMP, stamp("admin", "sub-a", "w2"));
        assertThat(AuditEntry.of(change(Kind.MODIFY, before, after))).isEmpty();
    }

    @Test
    void aChangeThatKeptThePreviousStampWasNotTheShops_andSaysSo() {
        var before = item("name", "Cup", AuditEntry.STAMP, stamp("merchant", "sub-m", "w1"));
        var after = item("name", "Mug", AuditEntry.STAMP, stamp("merchant", "sub-m", "w1"));
        assertThat(AuditEntry.of(change(Kind.MODIFY, before, after)).orElseThrow().actor()).isEqualTo(Actor.UNKNOWN);
        assertThat(AuditEntry.of(change(Kind.INSERT, null, item("name", "Mug"))).orElseThrow().actor()).isEqualTo(Actor.UNKNOWN);
    }

    @Test
    void aRemovalIsTheLastStampers_andATtlRemovalTheSystems() {
        var before = item("name", "Cup", AuditEntry.STAMP, stamp("merchant", "sub-m", "w9"));
        var deleted = AuditEntry.of(change(Kind.REMOVE, before, null)).orElseThrow();
        assertThat(deleted.action()).isEqualTo("deleted");
        assertThat(deleted.actor().key()).isEqualTo("merchant:sub-m");
        assertThat(deleted.changes()).containsExactly(new AuditEntry.FieldChange("name", "\"Cup\"", null));
        var expired = AuditEntry.of(new ChangeRecord("order", "o-1", Kind.REMOVE, "ev-2", AT, before, null, true)).orElseThrow();
        assertThat(expired.action()).isEqualTo("expired");
        assertThat(expired.actor().key()).isEqualTo("system:ttl");
    }

    @Test
    void valuesReadAsJson_mapsInKeyOrder_longOnesCut() {
        assertThat(AuditEntry.json(item("b", 1, "a", List.of(true, "x\"y\n")))).isEqualTo("{\"a\":[true,\"x\\\"y\\n\"],\"b\":1}");
        assertThat(AuditEntry.json(new BigDecimal("12.500"))).isEqualTo("12.5");
        var before = item("description", "a");
        var after = item("description", "x".repeat(5000));
        String cut = AuditEntry.diff(before, after).get(0).after();
        assertThat(cut).hasSize(AuditEntry.MAX_VALUE_CHARS).endsWith("…");
    }

    @Test
    void addressesAreTruncated_namesNeverResolved() {
        assertThat(Actor.truncate("203.0.113.77")).isEqualTo("203.0.113.0");
        assertThat(Actor.truncate("2001:db8:85a3::8a2e:370:7334")).isEqualTo("2001:db8:85a3::");
        assertThat(Actor.truncate("example.com")).isNull();
        assertThat(Actor.truncate(null)).isNull();
        assertThat(Actor.user("admin", "sub-a", "r", "198.51.100.9").ip()).isEqualTo("198.51.100.0");
        assertThat(Actor.fromStamp(Map.of("role", "", "id", "x"))).isEqualTo(Actor.UNKNOWN);
    }
}

package shop.verdant.application.audit.port;

import java.time.Instant;
import java.util.List;
import shop.verdant.domain.audit.AuditEntry;

/** The append-only audit log. */
public interface AuditLog {
    /** Adds the entry unless an entry of the same change is there already; true when it was new. */
    boolean append(AuditEntry entry);

    /**
     * Entries newest first, narrowed by whichever of entity (with or without its id) and actor key are given, within
     * [from, to); {@code cursor} continues a previous page.
     */
    Page find(Query query, String cursor, int limit);

    record Query(String entity, String entityId, String actor, Instant from, Instant to) {
    }

    record Page(List<AuditEntry> entries, String next) {
        public Page {
            entries = List.copyOf(entries);
        }
    }
}

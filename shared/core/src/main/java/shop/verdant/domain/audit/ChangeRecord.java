package shop.verdant.domain.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One change of an audited item, as its table's change feed tells it: the entity and its id, what happened, the
 * feed's unique id of the change, when, and the item before and after (attribute → plain value: String, number,
 * Boolean, List, Map; null when there was no item). {@code expired}: DynamoDB's TTL removed it, nobody asked to.
 */
public record ChangeRecord(String entity, String entityId, Kind kind, String eventId, Instant at,
                           Map<String, Object> before, Map<String, Object> after, boolean expired) {
    public enum Kind { INSERT, MODIFY, REMOVE }

    public ChangeRecord {
        before = before == null ? Map.of() : before;
        after = after == null ? Map.of() : after;
    }
}

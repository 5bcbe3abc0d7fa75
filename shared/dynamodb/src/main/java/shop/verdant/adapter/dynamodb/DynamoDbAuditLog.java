package shop.verdant.adapter.dynamodb;

import static shop.verdant.adapter.dynamodb.Attr.s;
import static shop.verdant.adapter.dynamodb.Attr.str;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shop.verdant.application.audit.port.AuditLog;
import shop.verdant.domain.audit.Actor;
import shop.verdant.domain.audit.AuditEntry;
import shop.verdant.domain.common.ValidationException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The AuditLog table. An entry is one conditional put (a second put of the same change is refused by the condition,
 * so replays add nothing); nothing here updates or deletes. Reading picks the key that narrows most: the subject
 * (entity and id), the actor, the entity, or else the month partitions from the newest back.
 */
public final class DynamoDbAuditLog implements AuditLog {
    /**
     * Fixed width to the microsecond (the change feed's precision), so the text order is the time order
     * (Instant.toString drops zero fractions).
     */
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    /** With neither entity nor actor nor {@code from}, reading goes back this many months at most. */
    static final int MONTHS_BACK = 24;

    private final DynamoDbClient client;
    private final String table;

    public DynamoDbAuditLog(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public boolean append(AuditEntry e) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("subject", s(e.entity() + "#" + e.entityId()));
        item.put("at", s(AT.format(e.at()) + "#" + e.eventId()));
        item.put("entity", s(e.entity()));
        item.put("entityId", s(e.entityId()));
        item.put("action", s(e.action()));
        item.put("eventId", s(e.eventId()));
        item.put("month", s(YearMonth.from(e.at().atZone(ZoneOffset.UTC)).toString()));
        item.put("actor", s(e.actor().key()));
        item.put("actorRole", s(e.actor().role()));
        item.put("actorId", s(e.actor().id()));
        if (e.actor().requestId() != null) {
            item.put("requestId", s(e.actor().requestId()));
        }
        if (e.actor().ip() != null) {
            item.put("ip", s(e.actor().ip()));
        }
        List<AttributeValue> changes = new ArrayList<>();
        for (AuditEntry.FieldChange c : e.changes()) {
            Map<String, AttributeValue> m = new HashMap<>();
            m.put("field", s(c.field()));
            if (c.before() != null) {
                m.put("before", s(c.before()));
            }
            if (c.after() != null) {
                m.put("after", s(c.after()));
            }
            changes.add(AttributeValue.fromM(m));
        }
        item.put("changes", AttributeValue.fromL(changes));
        try {
            client.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(subject)"));
            return true;
        } catch (ConditionalCheckFailedException replayed) {
            return false;
        }
    }

    @Override
    public Page find(Query q, String cursor, int limit) {
        String lo = q.from() == null ? "0" : AT.format(q.from());
        String hi = q.to() == null ? "9" : AT.format(q.to());
        if (q.entityId() != null) {
            return one(base(null, "subject", q.entity() + "#" + q.entityId(), lo, hi, null), cursor, limit, List.of("subject", "at"));
        }
        if (q.actor() != null) {
            return one(base("byActor", "actor", q.actor(), lo, hi, q.entity()), cursor, limit, List.of("actor", "subject", "at"));
        }
        if (q.entity() != null) {
            return one(base("byEntity", "entity", q.entity(), lo, hi, null), cursor, limit, List.of("entity", "subject", "at"));
        }
        return byMonth(q, lo, hi, cursor, limit);
    }

    private QueryRequest.Builder base(String index, String partitionName, String partition, String lo, String hi, String entity) {
        Map<String, String> names = new LinkedHashMap<>(Map.of("#p", partitionName, "#at", "at"));
        Map<String, AttributeValue> values = new LinkedHashMap<>(Map.of(":p", s(partition), ":lo", s(lo), ":hi", s(hi)));
        QueryRequest.Builder b = QueryRequest.builder().tableName(table).indexName(index)
                .keyConditionExpression("#p = :p AND #at BETWEEN :lo AND :hi").scanIndexForward(false);
        if (entity != null) {
            names.put("#entity", "entity");
            values.put(":entity", s(entity));
            b.filterExpression("#entity = :entity");
        }
        return b.expressionAttributeNames(names).expressionAttributeValues(values);
    }

    private Page one(QueryRequest.Builder query, String cursor, int limit, List<String> keys) {
        QueryRequest built = query.build();
        Map<String, AttributeValue> start = Cursors.decode(cursor, keys);
        if (start != null && !start.get(keys.get(0)).equals(built.expressionAttributeValues().get(":p"))) {
            throw ValidationException.of("cursor", "Not a cursor of this list; start again without it.");
        }
        QueryResponse r = Cursors.query(client, built.toBuilder().exclusiveStartKey(start).limit(limit).build());
        return new Page(r.items().stream().map(DynamoDbAuditLog::entry).toList(),
                r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? Cursors.encode(r.lastEvaluatedKey(), keys) : null);
    }

    /** Month by month from {@code to} (or now) back to {@code from} (or {@link #MONTHS_BACK}), until the page is full. */
    private Page byMonth(Query q, String lo, String hi, String cursor, int limit) {
        List<String> keys = List.of("month", "subject", "at");
        YearMonth newest = YearMonth.from((q.to() == null ? Instant.now() : q.to()).atZone(ZoneOffset.UTC));
        YearMonth oldest = q.from() == null ? newest.minusMonths(MONTHS_BACK - 1) : YearMonth.from(q.from().atZone(ZoneOffset.UTC));
        Map<String, AttributeValue> start = Cursors.decode(cursor, keys);
        YearMonth month = start == null ? newest : parseMonth(start.get("month").s());
        if (start != null && "~".equals(start.get("at").s())) {
            start = null;
        }
        List<AuditEntry> out = new ArrayList<>();
        while (!month.isBefore(oldest)) {
            QueryResponse r = Cursors.query(client, base("byMonth", "month", month.toString(), lo, hi, null)
                    .exclusiveStartKey(start).limit(limit - out.size()).build());
            r.items().forEach(i -> out.add(entry(i)));
            boolean more = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty();
            if (out.size() >= limit) {
                return new Page(out, more ? Cursors.encode(r.lastEvaluatedKey(), keys)
                        : month.isAfter(oldest) ? Cursors.encode(Map.of("month", s(month.minusMonths(1).toString()), "subject", s("~"),
                                "at", s("~")), keys) : null);
            }
            if (more) {
                start = r.lastEvaluatedKey();
            } else {
                start = null;
                month = month.minusMonths(1);
            }
        }
        return new Page(out, null);
    }


    private static YearMonth parseMonth(String text) {
        try {
            return YearMonth.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw ValidationException.of("cursor", "Not a cursor of this list; start again without it.");
        }
    }



    static AuditEntry entry(Map<String, AttributeValue> i) {
        String at = str(i, "at");
        List<AuditEntry.FieldChange> changes = new ArrayList<>();
        if (i.containsKey("changes")) {
            for (AttributeValue c : i.get("changes").l()) {
                changes.add(new AuditEntry.FieldChange(str(c.m(), "field"), str(c.m(), "before"), str(c.m(), "after")));
            }
        }
        return new AuditEntry(str(i, "entity"), str(i, "entityId"), str(i, "action"), Instant.parse(at.substring(0, at.indexOf('#'))),
                str(i, "eventId"), new Actor(str(i, "actorRole"), str(i, "actorId"), str(i, "requestId"), str(i, "ip")), changes);
    }
}

package shop.verdant.adapter.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import shop.verdant.application.audit.Acting;
import shop.verdant.domain.audit.Actor;
import shop.verdant.domain.audit.AuditEntry;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Stamps who acted on every write of an audited item, whichever store or path wrote it: a put's item, an update's
 * {@code SET}, the puts and updates of a transaction or a batch all gain {@link AuditEntry#STAMP} = the current
 * {@link Acting actor} and a fresh write id. A write to an audited table with no actor is refused before it is sent,
 * so a path that forgot to say who acts fails its test instead of leaving an unattributed change.
 */
public final class ActorStamp implements ExecutionInterceptor {
    private static final String NAME = "#auditStamp";
    private static final String VALUE = ":auditStamp";
    /** The SET clause's keyword: not part of a longer word, a placeholder or a value name. */
    private static final Pattern SET = Pattern.compile("(?i)(?<![\\w#:])SET\\s+");

    private final Set<String> audited;
    private final java.util.function.Supplier<Actor> actor;

    /** {@code audited}: the tables' names as the client sees them; the actor is the invocation's ({@link Acting}). */
    public ActorStamp(Set<String> audited) {
        this(audited, Acting::current);
    }

    /** With the actor from {@code actor}: a tool that acts as one part of the shop throughout (the local shop's seed). */
    public ActorStamp(Set<String> audited, java.util.function.Supplier<Actor> actor) {
        this.audited = Set.copyOf(audited);
        this.actor = actor;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes executionAttributes) {
        SdkRequest request = context.request();
        if (request instanceof PutItemRequest put && audited.contains(put.tableName())) {
            return put.toBuilder().item(stamped(put.item(), put.tableName())).build();
        }
        if (request instanceof UpdateItemRequest update && audited.contains(update.tableName())) {
            Stamped s = stamp(update.updateExpression(), update.expressionAttributeNames(), update.expressionAttributeValues(),
                    update.tableName());
            return update.toBuilder().updateExpression(s.expression()).expressionAttributeNames(s.names())
                    .expressionAttributeValues(s.values()).build();
        }
        if (request instanceof TransactWriteItemsRequest transact) {
            List<TransactWriteItem> items = new ArrayList<>(transact.transactItems().size());
            boolean changed = false;
            for (TransactWriteItem item : transact.transactItems()) {
                TransactWriteItem s = stamped(item);
                changed |= s != item;
                items.add(s);
            }
            return changed ? transact.toBuilder().transactItems(items).build() : transact;
        }
        if (request instanceof BatchWriteItemRequest batch && batch.requestItems().keySet().stream().anyMatch(audited::contains)) {
            Map<String, List<WriteRequest>> out = new HashMap<>();
            batch.requestItems().forEach((table, writes) -> out.put(table, !audited.contains(table) ? writes : writes.stream()
                    .map(w -> w.putRequest() == null ? w
                            : WriteRequest.builder().putRequest(PutRequest.builder().item(stamped(w.putRequest().item(), table)).build()).build())
                    .toList()));
            return batch.toBuilder().requestItems(out).build();
        }
        return request;
    }

    private TransactWriteItem stamped(TransactWriteItem item) {
        if (item.put() != null && audited.contains(item.put().tableName())) {
            return item.toBuilder().put(item.put().toBuilder().item(stamped(item.put().item(), item.put().tableName())).build()).build();
        }
        if (item.update() != null && audited.contains(item.update().tableName())) {
            var u = item.update();
            Stamped s = stamp(u.updateExpression(), u.expressionAttributeNames(), u.expressionAttributeValues(), u.tableName());
            return item.toBuilder().update(u.toBuilder().updateExpression(s.expression()).expressionAttributeNames(s.names())
                    .expressionAttributeValues(s.values()).build()).build();
        }
        return item;
    }

    private Map<String, AttributeValue> stamped(Map<String, AttributeValue> item, String table) {
        Map<String, AttributeValue> out = new HashMap<>(item);
        out.put(AuditEntry.STAMP, stampValue(table));
        return out;
    }

    private record Stamped(String expression, Map<String, String> names, Map<String, AttributeValue> values) {
    }

    /** {@code SET a = :a REMOVE b} → {@code SET #auditStamp = :auditStamp, a = :a REMOVE b}; no SET clause: one is added. */
    public static String withStamp(String expression) {
        String assignment = NAME + " = " + VALUE;
        if (expression == null || expression.isBlank()) {
            return "SET " + assignment;
        }
        Matcher m = SET.matcher(expression);
        if (m.find()) {
            return expression.substring(0, m.end()) + assignment + ", " + expression.substring(m.end());
        }
        return "SET " + assignment + " " + expression;
    }

    private Stamped stamp(String expression, Map<String, String> names, Map<String, AttributeValue> values, String table) {
        Map<String, String> n = new HashMap<>(names);
        n.put(NAME, AuditEntry.STAMP);
        Map<String, AttributeValue> v = new HashMap<>(values);
        v.put(VALUE, stampValue(table));
        return new Stamped(withStamp(expression), n, v);
    }

    private AttributeValue stampValue(String table) {
        Actor actor = this.actor.get();
        if (actor == null) {
            throw new IllegalStateException("a write to " + table + " without an actor: every invocation that writes an "
                    + "audited table says who it acts for (Acting.as)");
        }
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("role", AttributeValue.fromS(actor.role()));
        m.put("id", AttributeValue.fromS(actor.id()));
        if (actor.requestId() != null) {
            m.put("requestId", AttributeValue.fromS(actor.requestId()));
        }
        if (actor.ip() != null) {
            m.put("ip", AttributeValue.fromS(actor.ip()));
        }
        m.put("write", AttributeValue.fromS(Long.toHexString(ThreadLocalRandom.current().nextLong())));
        return AttributeValue.fromM(m);
    }
}

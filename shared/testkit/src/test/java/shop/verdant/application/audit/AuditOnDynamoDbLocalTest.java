package shop.verdant.application.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.verdant.adapter.dynamodb.ActorStamp;
import shop.verdant.adapter.dynamodb.DynamoDbAuditLog;
import shop.verdant.application.audit.port.AuditLog;
import shop.verdant.contract.Tables;
import shop.verdant.domain.audit.Actor;
import shop.verdant.domain.audit.AuditEntry;
import shop.verdant.domain.audit.ChangeRecord;
import shop.verdant.domain.common.ValidationException;
import shop.verdant.testing.LocalEngines;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The audit log's two halves on DynamoDB Local: every kind of write to an audited table carries who acted (and a write
 * without an actor is refused, unsent), and the log keeps each change once and reads back by subject, actor, entity
 * and month, page by page.
 */
class AuditOnDynamoDbLocalTest {
    static DynamoDbClient stamped;
    static DynamoDbClient plain;
    static String products;
    static String carts;
    static DynamoDbAuditLog log;
    static AuditTrail trail;

    @BeforeAll
    static void start() {
        LocalEngines.start();
        plain = LocalEngines.dynamoClient();
        products = LocalEngines.createTable(plain, Tables.PRODUCTS);
        carts = LocalEngines.createTable(plain, Tables.CARTS);
        stamped = DynamoDbClient.builder().endpointOverride(URI.create(LocalEngines.dynamoEndpoint())).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ActorStamp(Set.of(products))))
                .build();
        log = new DynamoDbAuditLog(plain, LocalEngines.createTable(plain, Tables.AUDIT_LOG));
        trail = new AuditTrail(log, Set.copyOf(Tables.AUDITED.values()));
    }

    static Map<String, AttributeValue> stampOf(String productId) {
        return plain.getItem(b -> b.tableName(products).key(Map.of("productId", AttributeValue.fromS(productId))))
                .item().get(AuditEntry.STAMP).m();
    }

    static final Actor MERCHANT = Actor.user("merchant", "sub-m", "req-1", "203.0.113.9");

    @Test
    void everyKindOfWriteToAnAuditedTableCarriesItsActor_andANewWriteId() {
        Acting.run(MERCHANT, () -> {
            stamped.putItem(b -> b.tableName(products).item(Map.of("productId", AttributeValue.fromS("s-put"))));
            stamped.updateItem(b -> b.tableName(products).key(Map.of("productId", AttributeValue.fromS("s-upd")))
                    .updateExpression("set #n = :n REMOVE gone").expressionAttributeNames(Map.of("#n", "name"))
                    .expressionAttributeValues(Map.of(":n", AttributeValue.fromS("Cup"))));
            stamped.updateItem(b -> b.tableName(products).key(Map.of("productId", AttributeValue.fromS("s-add")))
                    .updateExpression("ADD stockAvailable :one").expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
            stamped.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName(products).item(Map.of("productId", AttributeValue.fromS("s-tx")))).build(),
                    TransactWriteItem.builder().update(u -> u.tableName(products).key(Map.of("productId", AttributeValue.fromS("s-txu")))
                            .updateExpression("SET upset = :o").expressionAttributeValues(Map.of(":o", AttributeValue.fromN("2")))).build()));
            stamped.batchWriteItem(b -> b.requestItems(Map.of(products, List.of(WriteRequest.builder()
                    .putRequest(PutRequest.builder().item(Map.of("productId", AttributeValue.fromS("s-batch"))).build()).build()))));
        });
        List<String> writes = new ArrayList<>();
        for (String id : List.of("s-put", "s-upd", "s-add", "s-tx", "s-txu", "s-batch")) {
            Map<String, AttributeValue> s = stampOf(id);
            assertThat(s.get("role").s()).as(id).isEqualTo("merchant");
            assertThat(s.get("id").s()).as(id).isEqualTo("sub-m");
            assertThat(s.get("requestId").s()).as(id).isEqualTo("req-1");
            assertThat(s.get("ip").s()).as(id + ": truncated").isEqualTo("203.0.113.0");
            writes.add(s.get("write").s());
        }
        assertThat(writes).as("each write has its own id").doesNotHaveDuplicates();
        // what the update said is done as well as the stamp
        var upd = plain.getItem(b -> b.tableName(products).key(Map.of("productId", AttributeValue.fromS("s-upd")))).item();
        assertThat(upd.get("name").s()).isEqualTo("Cup");
        var txu = plain.getItem(b -> b.tableName(products).key(Map.of("productId", AttributeValue.fromS("s-txu")))).item();
        assertThat(txu.get("upset").n()).as("an attribute whose name contains 'set'").isEqualTo("2");
    }

    @Test
    void aWriteWithoutAnActorIsRefusedUnsent_andUnauditedTablesAreLeftAlone() {
        assertThatThrownBy(() -> stamped.putItem(b -> b.tableName(products).item(Map.of("productId", AttributeValue.fromS("nobody")))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("without an actor");
        assertThat(plain.getItem(b -> b.tableName(products).key(Map.of("productId", AttributeValue.fromS("nobody")))).hasItem()).isFalse();
        stamped.putItem(b -> b.tableName(carts).item(Map.of("cartId", AttributeValue.fromS("anon#1"))));
        assertThat(plain.getItem(b -> b.tableName(carts).key(Map.of("cartId", AttributeValue.fromS("anon#1")))).item())
                .doesNotContainKey(AuditEntry.STAMP);
    }

    @Test
    void theSetClauseIsFoundWhereverItIs() {
        assertThat(ActorStamp.withStamp(null)).isEqualTo("SET #auditStamp = :auditStamp");
        assertThat(ActorStamp.withStamp("REMOVE a SET b = :b")).isEqualTo("REMOVE a SET #auditStamp = :auditStamp, b = :b");
        assertThat(ActorStamp.withStamp("ADD n :one")).isEqualTo("SET #auditStamp = :auditStamp ADD n :one");
        assertThat(ActorStamp.withStamp("SET #set = :set")).isEqualTo("SET #auditStamp = :auditStamp, #set = :set");
    }

    static ChangeRecord change(String entity, String id, String event, Instant at, String role, String who) {
        return new ChangeRecord(entity, id, ChangeRecord.Kind.MODIFY, event, at, Map.of("status", "A"),
                Map.of("status", "B", AuditEntry.STAMP, Map.of("role", role, "id", who, "write", event)), false);
    }

    @Test
    void eachChangeIsKeptOnce_andReadsBackBySubjectActorEntityAndMonth() {
        Instant t = Instant.parse("2026-10-31T23:59:59Z");
        assertThat(trail.record(change("order", "o-1", "e1", t, "customer", "c-1"))).isPresent();
        assertThat(trail.record(change("order", "o-1", "e1", t, "customer", "c-1"))).as("a replay adds nothing").isEmpty();
        trail.record(change("order", "o-1", "e2", t.plusSeconds(1), "system", "webhook"));          // 2026-11-01
        trail.record(change("order", "o-2", "e3", t.plusSeconds(60), "system", "sweeper"));
        trail.record(change("product", "p-1", "e4", t.plusSeconds(3600 * 24 * 31), "merchant", "m-1")); // 2026-12
        trail.record(change("order", "o-1", "e5", t.plusSeconds(3600 * 24 * 31 + 1), "customer", "c-1"));

        assertThat(ids(trail.find("order", "o-1", null, null, null, null, null))).containsExactly("e5", "e2", "e1");
        assertThat(ids(trail.find(null, null, "customer:c-1", null, null, null, null))).containsExactly("e5", "e1");
        assertThat(ids(trail.find("product", null, null, null, null, null, null))).containsExactly("e4");
        assertThat(ids(trail.find(null, null, null, "2026-11-01", "2026-12-01", null, null))).containsExactly("e3", "e2");
        assertThat(ids(trail.find("order", null, "system:webhook", null, null, null, null))).containsExactly("e2");

        // page by page, across months, newest first, each entry once
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            AuditLog.Page page = trail.find(null, null, null, "2026-10-01", "2027-01-01", cursor, 2);
            page.entries().forEach(e -> seen.add(e.eventId()));
            cursor = page.next();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(seen).containsExactly("e5", "e4", "e3", "e2", "e1");

        AuditEntry e = trail.find("order", "o-1", null, null, null, null, 1).entries().get(0);
        assertThat(e.actor().key()).isEqualTo("customer:c-1");
        assertThat(e.changes()).containsExactly(new AuditEntry.FieldChange("status", "\"A\"", "\"B\""));
        assertThat(e.at()).isEqualTo(t.plusSeconds(3600 * 24 * 31 + 1));
    }

    @Test
    void badQueriesAreNamed() {
        assertThatThrownBy(() -> trail.find("planet", "x", "nobody", "yesterday", null, null, 500))
                .isInstanceOfSatisfying(ValidationException.class, v -> assertThat(v.errors()).extracting(f -> f.field())
                        .containsExactly("entity", "actor", "from", "limit"));
        assertThatThrownBy(() -> trail.find(null, "o-1", null, null, null, null, null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("id");
        assertThatThrownBy(() -> trail.find(null, null, null, "2026-12-02", "2026-12-01", null, null)).hasMessageContaining("to");
        assertThatThrownBy(() -> trail.find("order", "o-1", null, null, null, "not*a*cursor", null)).hasMessageContaining("cursor");
        Instant then = Instant.parse("2025-01-15T08:00:00Z");
        trail.record(change("order", "o-bq", "bq1", then, "customer", "c-9"));
        trail.record(change("order", "o-bq", "bq2", then.plusSeconds(1), "customer", "c-9"));
        String other = trail.find("order", null, null, null, null, null, 1).next();
        assertThat(other).isNotNull();
        assertThatThrownBy(() -> trail.find("product", null, null, null, null, other, null)).as("a cursor of another list")
                .hasMessageContaining("cursor");
    }

    static List<String> ids(AuditLog.Page page) {
        return page.entries().stream().map(AuditEntry::eventId).toList();
    }
}

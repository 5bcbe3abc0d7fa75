package shop.verdant.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.verdant.adapter.dynamodb.DynamoDb;
import shop.verdant.contract.TableSpec;
import shop.verdant.contract.Tables;
import shop.verdant.domain.audit.Actor;
import shop.verdant.domain.audit.AuditEntry;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A scripted day in the running local shop: a customer orders and pays (the webhook settles it), an unpaid order is
 * swept, a merchant creates, edits, restocks and deletes products and packs a parcel, an import adds a product, an
 * admin makes a merchant and refunds, an agent takes a phone order. Then, for every item the day touched, the audit log
 * holds exactly one entry per change the tables' own streams show (a write that changed nothing but its stamp is none),
 * each by the actor who made it; and a replayed batch of changes adds nothing.
 */
class AuditTest {

    static String sub(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        try {
            return shop.verdant.http.Json.MAPPER.readTree(payload).get("sub").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The raw changes of the audited tables since {@code since}, read from their DynamoDB Local streams. */
    static Map<String, List<Record>> rawChanges(Instant since) {
        Map<String, List<Record>> out = new LinkedHashMap<>();
        try (DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder()
                .endpointOverride(java.net.URI.create(System.getProperty("DYNAMODB_ENDPOINT"))).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build()) {
            for (TableSpec spec : Tables.AUDITED.keySet()) {
                String arn = DynamoDb.client().describeTable(b -> b.tableName(spec.logicalName())).table().latestStreamArn();
                List<Record> records = new ArrayList<>();
                List<software.amazon.awssdk.services.dynamodb.model.Shard> shards = new ArrayList<>();
                String after = null;
                do {
                    String from = after;
                    var d = streams.describeStream(b -> b.streamArn(arn).exclusiveStartShardId(from)).streamDescription();
                    shards.addAll(d.shards());
                    after = d.lastEvaluatedShardId();
                } while (after != null);
                for (var shard : shards) {
                    String it = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
                            .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
                    // a page can be empty with records after it: read on until a few empty pages in a row
                    for (int empty = 0; it != null && empty < 5; ) {
                        String current = it;
                        var page = streams.getRecords(b -> b.shardIterator(current).limit(1000));
                        page.records().stream().filter(r -> !r.dynamodb().approximateCreationDateTime().isBefore(since))
                                .forEach(records::add);
                        empty = page.records().isEmpty() ? empty + 1 : 0;
                        it = page.nextShardIterator();
                    }
                }
                out.put(spec.logicalName(), records);
            }
        }
        return out;
    }

    static boolean onlyStampChanged(Record r) {
        if (!r.eventNameAsString().equals("MODIFY")) {
            return false;
        }
        Map<String, AttributeValue> before = new HashMap<>(r.dynamodb().oldImage());
        Map<String, AttributeValue> after = new HashMap<>(r.dynamodb().newImage());
        before.remove(AuditEntry.STAMP);
        after.remove(AuditEntry.STAMP);
        return before.equals(after);
    }

    static String entityId(TableSpec spec, Map<String, AttributeValue> keys) {
        String id = keys.get(spec.partitionKey().name()).s();
        return spec.sortKey() == null ? id : id + "/" + keys.get(spec.sortKey().name()).s();
    }

    static List<JsonNode> entries(String admin, String entity, String id, Instant from) {
        List<JsonNode> out = new ArrayList<>();
        String cursor = null;
        do {
            Api.Response page = Api.call("GET", "/api/admin/audit?entity=" + entity + "&id=" + URLEncoder.encode(id, StandardCharsets.UTF_8)
                    + "&from=" + from + "&limit=100" + (cursor == null ? "" : "&cursor=" + cursor), admin, null);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().get("items").forEach(out::add);
            cursor = page.json().has("next") ? page.json().get("next").asText() : null;
        } while (cursor != null);
        return out;
    }

    static Actor actorOf(JsonNode entry) {
        return new Actor(entry.at("/actor/role").asText(), entry.at("/actor/id").asText(), null, null);
    }

    @Test
    void aScriptedDayYieldsExactlyOneEntryPerChange_byWhoMadeIt_andReplaysAddNone() throws Exception {
        // DynamoDB Local's change times are coarse: start well before, and count only the day's own (new) items
        Instant since = Instant.now().minusSeconds(120).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        String customer = Api.customerA();
        String merchant = Api.demo("merchant");
        String admin = Api.demo("admin");
        String agent = Api.demo("agent");
        Map<String, String> who = Map.of("customer:" + sub(customer), "customer", "merchant:" + sub(merchant), "merchant",
                "admin:" + sub(admin), "admin", "agent:" + sub(agent), "agent");
        Set<String> orders = new LinkedHashSet<>();
        Set<String> products = new LinkedHashSet<>();

        // the merchant: a product made, published, restocked; a draft made and deleted
        Api.Response made = BackOfficeTest.create(merchant, "AU-" + UUID.randomUUID().toString().substring(0, 8), "Audit Cup", 1450, null);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String product = made.json().get("id").asText();
        products.add(product);
        Api.Response published = BackOfficeTest.patch(merchant, product, made.header("etag"), "{\"status\":\"ACTIVE\"}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(BackOfficeTest.stock(merchant, product, "{\"delta\":20,\"reason\":\"restock\"}").status()).isEqualTo(200);
        Api.Response draft = BackOfficeTest.create(merchant, "AU-" + UUID.randomUUID().toString().substring(0, 8), "Audit Draft", 900, null);
        String draftId = draft.json().get("id").asText();
        products.add(draftId);
        assertThat(Api.call("DELETE", "/api/merchant/products/" + draftId, merchant, null, Map.of("If-Match", draft.header("etag")))
                .status()).isIn(200, 204);

        // the customer orders and pays; the webhook settles it; the merchant packs the parcel
        String paid = PaymentsTest.placeOrder(customer, product, 2);
        orders.add(paid);
        JsonNode started = PaymentsTest.pay(customer, paid, "stripe", "pay-" + UUID.randomUUID()).json();
        assertThat(PaymentsTest.confirm(started, "pm_card_visa").statusCode()).isEqualTo(200);
        PaymentsTest.settle();
        assertThat(PaymentsTest.order(customer, paid).get("status").asText()).isEqualTo("PAID");
        Api.Response packed = Api.call("PATCH", "/api/merchant/shipments/" + paid, merchant, "{\"status\":\"PACKED\"}");
        assertThat(packed.status()).as(packed.body()).isEqualTo(200);

        // an unpaid order the sweeper expires (made due by a test write, itself on the log as the test's)
        String unpaid = PaymentsTest.placeOrder(customer, product, 1);
        orders.add(unpaid);
        TestShop.writer().updateItem(b -> b.tableName(Tables.ORDERS.logicalName())
                .key(Map.of("orderId", AttributeValue.fromS(unpaid))).updateExpression("SET pendingUntil = :past, expiresAt = :at")
                .expressionAttributeValues(Map.of(":past", AttributeValue.fromN(Long.toString(Instant.now().getEpochSecond() - 1)),
                        ":at", AttributeValue.fromS(Instant.now().minusSeconds(1).toString()))));
        new shop.verdant.shopping.ExpireOrdersHandler().handleRequest(new com.amazonaws.services.lambda.runtime.events.ScheduledEvent(),
                new LocalContext("test", "ExpireOrders"));
        assertThat(PaymentsTest.order(customer, unpaid).get("status").asText()).isEqualTo("EXPIRED");

        // an import adds a product
        String importSku = "AUI-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response upload = ImportTest.upload(Api.demo("merchant2"), "sku,name,description,price,category,status,stock\r\n" + importSku
                + ",Imported Jar,A jar for the audit.,7.50," + BackOfficeTest.category() + ",ACTIVE,3\r\n", true);
        assertThat(upload.status()).as(upload.body()).isIn(201, 202);
        ImportTest.merchant = Api.demo("merchant2");
        JsonNode job = ImportTest.done(upload.json().get("id").asText());
        assertThat(job.get("created").asInt()).as(job.toString()).isEqualTo(1);

        // an admin makes a merchant and refunds part of the paid order; an agent takes a phone order
        String email = "audit-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Api.Response merchantMade = Api.call("POST", "/api/admin/merchants", admin, "{\"email\":\"" + email + "\",\"displayName\":\"Audit Goods\"}");
        assertThat(merchantMade.status()).as(merchantMade.body()).isEqualTo(201);
        String newMerchant = merchantMade.json().get("merchantId").asText();
        Api.Response refunded = PaymentsTest.refund(paid, 500L, "refund-" + UUID.randomUUID());
        assertThat(refunded.status()).as(refunded.body()).isIn(200, 201, 202);
        PaymentsTest.settle();
        String customerId = Api.call("GET", "/api/agent/customers?email=customer%40verdant.local", agent, null).json()
                .at("/items/0/customerId").asText();
        Api.Response phone = Api.call("POST", "/api/agent/orders", agent, "{\"customer\":{\"customerId\":\"" + customerId
                + "\"},\"lines\":[{\"productId\":\"" + product + "\",\"quantity\":1}]," + AgentOrdersTest.shipTo() + "}",
                Map.of("Idempotency-Key", "phone-" + UUID.randomUUID()));
        assertThat(phone.status()).as(phone.body()).isEqualTo(201);
        orders.add(phone.json().get("orderId").asText());

        // what the tables' streams say changed today, for the items of the day
        Map<String, Map<String, List<Record>>> expected = new LinkedHashMap<>();   // subject → its changes
        String imported = null;
        long deadline = System.currentTimeMillis() + 30_000;
        Map<String, List<Record>> raw;
        do {
            raw = rawChanges(since);
            for (Record r : raw.get(Tables.PRODUCTS.logicalName())) {
                var image = r.dynamodb().hasNewImage() ? r.dynamodb().newImage() : r.dynamodb().oldImage();
                if (image.containsKey("sku") && importSku.equalsIgnoreCase(image.get("sku").s())) {
                    imported = r.dynamodb().keys().get("productId").s();
                }
            }
        } while (imported == null && System.currentTimeMillis() < deadline);
        assertThat(imported).as("the imported product").isNotNull();
        products.add(imported);
        int stampOnly = 0;
        for (var e : Tables.AUDITED.entrySet()) {
            for (Record r : raw.get(e.getKey().logicalName())) {
                var image = r.dynamodb().hasNewImage() ? r.dynamodb().newImage() : r.dynamodb().oldImage();
                String id = entityId(e.getKey(), r.dynamodb().keys());
                boolean ours = switch (e.getValue()) {
                    case "product" -> products.contains(id);
                    case "order" -> orders.contains(id);
                    case "payment", "shipment" -> image.containsKey("orderId") && orders.contains(image.get("orderId").s());
                    case "merchant" -> id.equals(newMerchant);
                    default -> false;
                };
                if (!ours) {
                    continue;
                }
                if (onlyStampChanged(r)) {
                    stampOnly++;
                    continue;
                }
                expected.computeIfAbsent(e.getValue() + "#" + id, k -> new LinkedHashMap<>())
                        .computeIfAbsent(r.eventID(), k -> new ArrayList<>()).add(r);
            }
        }
        assertThat(stampOnly).as("the draft's deletion stamps it first: a write that changes nothing else").isGreaterThanOrEqualTo(1);
        assertThat(expected.keySet()).as("every kind of audited item was touched").anyMatch(s -> s.startsWith("payment#"))
                .anyMatch(s -> s.startsWith("shipment#")).anyMatch(s -> s.startsWith("merchant#"))
                .anyMatch(s -> s.startsWith("order#")).anyMatch(s -> s.startsWith("product#"));

        // the log has exactly those, once each, each by a known actor (waiting for the feed to catch up)
        Map<String, List<JsonNode>> logged = new LinkedHashMap<>();
        for (long end = System.currentTimeMillis() + 30_000; ; Thread.sleep(200)) {
            logged.clear();
            for (String subject : expected.keySet()) {
                String[] parts = subject.split("#", 2);
                logged.put(subject, entries(admin, parts[0], parts[1], since));
            }
            boolean caughtUp = expected.entrySet().stream().allMatch(x -> logged.get(x.getKey()).size() >= x.getValue().size());
            if (caughtUp || System.currentTimeMillis() > end) {
                break;
            }
        }
        int total = 0;
        for (var x : expected.entrySet()) {
            List<String> ids = logged.get(x.getKey()).stream().map(n -> n.get("eventId").asText()).toList();
            assertThat(ids).as(x.getKey()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(x.getValue().keySet());
            for (JsonNode n : logged.get(x.getKey())) {
                Actor a = actorOf(n);
                assertThat(a).as(x.getKey() + " " + n).isNotEqualTo(Actor.UNKNOWN);
                assertThat(a.role()).as(x.getKey() + " " + n).isIn("customer", "merchant", "admin", "agent", "system");
                if (!a.role().equals("system")) {
                    assertThat(who).as("a signed-in actor of the day: " + n).containsKey(a.key());
                }
                assertThat(n.at("/actor/requestId").isMissingNode() && !a.role().equals("system")).as("users' changes name their request").isFalse();
            }
            total += ids.size();
        }
        System.out.println("audit: " + total + " entries for " + expected.size() + " items of the day; " + stampOnly
                + " stamp-only writes recorded as none");

        // who did what
        assertThat(actions("product#" + product, logged)).contains("created by merchant", "updated by merchant", "updated by customer",
                "updated by system:webhook", "updated by agent");
        assertThat(actions("product#" + draftId, logged)).containsExactly("deleted by merchant", "created by merchant");
        assertThat(actions("product#" + imported, logged)).contains("created by system:import");
        assertThat(actions("order#" + paid, logged)).contains("created by customer", "updated by system:webhook");
        assertThat(actions("order#" + unpaid, logged)).contains("created by customer", "updated by system:test",
                "updated by system:sweeper");
        assertThat(actions("order#" + phone.json().get("orderId").asText(), logged)).contains("created by agent");
        assertThat(actions("merchant#" + newMerchant, logged)).containsExactly("created by admin");
        assertThat(expected.keySet().stream().filter(s -> s.startsWith("shipment#" + paid)).flatMap(s -> actions(s, logged).stream()))
                .contains("created by system:webhook", "updated by merchant");
        assertThat(expected.keySet().stream().filter(s -> s.startsWith("payment#")).flatMap(s -> actions(s, logged).stream()))
                .contains("created by customer", "updated by system:webhook", "created by agent");
        JsonNode swept = logged.get("order#" + unpaid).stream().filter(n -> n.at("/actor/id").asText().equals("sweeper")).findFirst().orElseThrow();
        assertThat(swept.get("changes").toString()).contains("\"field\":\"status\"", "EXPIRED");

        // a replayed batch (the paid order's changes again, as Lambda would re-deliver them) adds nothing
        List<Record> again = raw.get(Tables.ORDERS.logicalName()).stream().filter(r -> orders.contains(r.dynamodb().keys().get("orderId").s())).toList();
        var event = new com.amazonaws.services.lambda.runtime.events.DynamodbEvent();
        event.setRecords(again.stream().map(StreamPoller::convert).toList());
        var answer = new LocalChangeFeed(Tables.ORDERS.logicalName(), new shop.verdant.admin.RecordAuditHandler()).handleRequest(event, null);
        assertThat(answer.getBatchItemFailures()).isEmpty();
        for (String order : orders) {
            assertThat(entries(admin, "order", order, since)).as(order).hasSize(expected.get("order#" + order).size());
        }
    }

    /** "created by customer", "updated by system:webhook": each entry of the subject, newest first. */
    static List<String> actions(String subject, Map<String, List<JsonNode>> logged) {
        return logged.getOrDefault(subject, List.of()).stream().map(n -> n.get("action").asText() + " by "
                + (n.at("/actor/role").asText().equals("system") ? "system:" + n.at("/actor/id").asText() : n.at("/actor/role").asText()))
                .toList();
    }
}

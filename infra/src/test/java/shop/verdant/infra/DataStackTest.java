package shop.verdant.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import shop.verdant.adapter.dynamodb.TableRequests;
import shop.verdant.contract.TableSpec;
import shop.verdant.contract.Tables;
import shop.verdant.testing.LocalEngines;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class DataStackTest {

    @Test
    void everyTableIsOnDemandWithPitrRetainedAndProtected() {
        Map<String, Map<String, Object>> tables = Synth.DATA.findResources("AWS::DynamoDB::Table");
        assertThat(tables).hasSize(Tables.ALL.size());
        for (Map<String, Object> table : tables.values()) {
            assertThat(table).containsEntry("DeletionPolicy", "Retain").containsEntry("UpdateReplacePolicy", "Retain");
            @SuppressWarnings("unchecked")
            Map<String, Object> p = (Map<String, Object>) table.get("Properties");
            assertThat(p).containsEntry("BillingMode", "PAY_PER_REQUEST").containsEntry("DeletionProtectionEnabled", true)
                    .containsEntry("PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true))
                    .doesNotContainKey("TableName");
        }
    }

    @Test
    void imagesBucketIsPrivateRetainedAndReadableOnlyByThisAccountsCloudFront() {
        Synth.DATA.hasResource("AWS::S3::Bucket", Map.of("DeletionPolicy", "Retain", "Properties", Match.objectLike(Map.of(
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true)))));
        Synth.DATA.hasResourceProperties("AWS::S3::BucketPolicy", Match.objectLike(Map.of("PolicyDocument",
                Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Principal", Map.of("Service", "cloudfront.amazonaws.com"),
                        "Action", "s3:GetObject"))))))))) ;
    }

    /**
     * The synthesized tables and the tables the local shop creates from the same spec agree: same keys,
     * attribute types, indexes and streams, read back from DynamoDB Local itself.
     */
    @Test
    void synthesizedTablesAgreeWithTheLocalTables() {
        var ddb = LocalEngines.dynamoClient();
        Map<String, Map<String, Object>> synthesized = Synth.DATA.findResources("AWS::DynamoDB::Table");
        for (TableSpec spec : Tables.ALL) {
            Map<String, Object> cfn = synthesized.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(spec.logicalName()))
                    .map(Map.Entry::getValue).findFirst().orElseThrow();
            @SuppressWarnings("unchecked")
            Map<String, Object> props = (Map<String, Object>) cfn.get("Properties");

            String name = LocalEngines.createTable(ddb, spec);
            TableDescription local = ddb.describeTable(b -> b.tableName(name)).table();
            assertThat(shapeOfTemplate(props)).as(spec.logicalName()).isEqualTo(shapeOfLocal(local));
            @SuppressWarnings("unchecked")
            Map<String, Object> ttl = (Map<String, Object>) props.get("TimeToLiveSpecification");
            var localTtl = ddb.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription();
            assertThat(ttl == null ? "NONE" : ttl.get("AttributeName") + ":" + ttl.get("Enabled")).as(spec.logicalName() + " TTL")
                    .isEqualTo(localTtl.attributeName() == null ? "NONE" : localTtl.attributeName() + ":"
                            + (localTtl.timeToLiveStatusAsString().startsWith("ENABL")));
            assertThat(shapeOfLocal(local)).isEqualTo(shapeOfLocal(
                    TableDescription.builder()
                            .keySchema(TableRequests.createTable(spec, name).keySchema())
                            .attributeDefinitions(TableRequests.createTable(spec, name).attributeDefinitions())
                            .globalSecondaryIndexes(TableRequests.createTable(spec, name).globalSecondaryIndexes().stream()
                                    .map(g -> GlobalSecondaryIndexDescription.builder().indexName(g.indexName())
                                            .keySchema(g.keySchema()).projection(g.projection()).build()).toList())
                            .streamSpecification(TableRequests.createTable(spec, name).streamSpecification())
                            .build()));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> shapeOfTemplate(Map<String, Object> p) {
        Map<String, Object> shape = new TreeMap<>();
        shape.put("keys", keys((List<Map<String, Object>>) p.get("KeySchema")));
        Map<String, String> attrs = new TreeMap<>();
        for (Map<String, Object> a : (List<Map<String, Object>>) p.get("AttributeDefinitions")) {
            attrs.put((String) a.get("AttributeName"), (String) a.get("AttributeType"));
        }
        shape.put("attributes", attrs);
        Map<String, Object> gsis = new TreeMap<>();
        for (Map<String, Object> g : (List<Map<String, Object>>) p.getOrDefault("GlobalSecondaryIndexes", List.of())) {
            gsis.put((String) g.get("IndexName"), List.of(keys((List<Map<String, Object>>) g.get("KeySchema")),
                    ((Map<String, Object>) g.get("Projection")).get("ProjectionType")));
        }
        shape.put("indexes", gsis);
        Object stream = p.get("StreamSpecification");
        shape.put("stream", stream == null ? "NONE" : ((Map<String, Object>) stream).get("StreamViewType"));
        return shape;
    }

    private static Map<String, Object> shapeOfLocal(TableDescription t) {
        Map<String, Object> shape = new TreeMap<>();
        List<Map<String, Object>> keySchema = new ArrayList<>();
        t.keySchema().forEach(k -> keySchema.add(Map.of("AttributeName", k.attributeName(), "KeyType", k.keyTypeAsString())));
        shape.put("keys", keys(keySchema));
        Map<String, String> attrs = new TreeMap<>();
        t.attributeDefinitions().forEach(a -> attrs.put(a.attributeName(), a.attributeTypeAsString()));
        shape.put("attributes", attrs);
        Map<String, Object> gsis = new TreeMap<>();
        for (GlobalSecondaryIndexDescription g : t.globalSecondaryIndexes()) {
            List<Map<String, Object>> ks = new ArrayList<>();
            g.keySchema().forEach(k -> ks.add(Map.of("AttributeName", k.attributeName(), "KeyType", k.keyTypeAsString())));
            gsis.put(g.indexName(), List.of(keys(ks), g.projection().projectionTypeAsString()));
        }
        shape.put("indexes", gsis);
        shape.put("stream", t.streamSpecification() == null || !Boolean.TRUE.equals(t.streamSpecification().streamEnabled())
                ? "NONE" : t.streamSpecification().streamViewTypeAsString());
        return shape;
    }

    private static List<String> keys(List<Map<String, Object>> schema) {
        return schema.stream().map(k -> k.get("AttributeName") + ":" + k.get("KeyType")).toList();
    }
}

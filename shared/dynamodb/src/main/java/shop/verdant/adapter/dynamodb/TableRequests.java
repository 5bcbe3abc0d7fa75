package shop.verdant.adapter.dynamodb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shop.verdant.contract.TableSpec;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;

/** Creates tables from their {@link TableSpec}, the same definitions CDK deploys. */
public final class TableRequests {
    private TableRequests() {
    }

    public static CreateTableRequest createTable(TableSpec spec, String tableName) {
        Map<String, AttributeDefinition> attributes = new LinkedHashMap<>();
        List<KeySchemaElement> keys = keySchema(spec.partitionKey(), spec.sortKey(), attributes);
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (TableSpec.Index index : spec.globalIndexes()) {
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(index.name())
                    .keySchema(keySchema(index.partitionKey(), index.sortKey(), attributes))
                    .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                    .build());
        }
        var builder = CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(keys)
                .attributeDefinitions(attributes.values());
        if (!indexes.isEmpty()) {
            builder.globalSecondaryIndexes(indexes);
        }
        if (spec.stream()) {
            builder.streamSpecification(StreamSpecification.builder()
                    .streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build());
        }
        return builder.build();
    }

    /** Creates the table (and its TTL setting) unless it already exists. */
    public static void ensureTable(DynamoDbClient client, TableSpec spec, String tableName) {
        try {
            client.createTable(createTable(spec, tableName));
        } catch (ResourceInUseException alreadyThere) {
            addMissingIndexes(client, spec, tableName);
            return;
        }
        if (spec.ttlAttribute() != null) {
            client.updateTimeToLive(b -> b.tableName(tableName).timeToLiveSpecification(
                    TimeToLiveSpecification.builder().enabled(true).attributeName(spec.ttlAttribute()).build()));
        }
    }

    /** A table kept from an earlier run gains the indexes its spec has since grown (DynamoDB fills them from its items). */
    private static void addMissingIndexes(DynamoDbClient client, TableSpec spec, String tableName) {
        var existing = client.describeTable(b -> b.tableName(tableName)).table().globalSecondaryIndexes().stream()
                .map(software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription::indexName)
                .collect(java.util.stream.Collectors.toSet());
        var wanted = createTable(spec, tableName);
        for (var index : wanted.globalSecondaryIndexes()) {
            if (existing.contains(index.indexName())) {
                continue;
            }
            client.updateTable(b -> b.tableName(tableName).attributeDefinitions(wanted.attributeDefinitions())
                    .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName(index.indexName()).keySchema(index.keySchema())
                            .projection(index.projection()).provisionedThroughput(index.provisionedThroughput()))));
        }
    }

    private static List<KeySchemaElement> keySchema(TableSpec.Key pk, TableSpec.Key sk, Map<String, AttributeDefinition> attributes) {
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName(pk.name()).keyType(KeyType.HASH).build());
        attributes.putIfAbsent(pk.name(), definition(pk));
        if (sk != null) {
            keys.add(KeySchemaElement.builder().attributeName(sk.name()).keyType(KeyType.RANGE).build());
            attributes.putIfAbsent(sk.name(), definition(sk));
        }
        return keys;
    }

    private static AttributeDefinition definition(TableSpec.Key key) {
        return AttributeDefinition.builder().attributeName(key.name()).attributeType(key.type().name()).build();
    }
}

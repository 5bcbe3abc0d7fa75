package shop.verdant.adapter.dynamodb;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Short names for low-level attribute values. */
final class Attr {
    private Attr() {
    }

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }

    static AttributeValue m(Map<String, AttributeValue> v) {
        return AttributeValue.fromM(v);
    }

    static AttributeValue l(List<AttributeValue> v) {
        return AttributeValue.fromL(v);
    }

    /**
     * Every item of a small reference table: one Query on its {@code all} index, whose partition key
     * ({@code kind}) is the same constant on every item, so listing never needs a Scan.
     */
    static Iterable<Map<String, AttributeValue>> allOfKind(software.amazon.awssdk.services.dynamodb.DynamoDbClient client,
                                                          String table, String kind) {
        return client.queryPaginator(b -> b.tableName(table).indexName("all").keyConditionExpression("kind = :k")
                .expressionAttributeValues(Map.of(":k", s(kind)))).items();
    }

    static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    static long num(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
    }
}

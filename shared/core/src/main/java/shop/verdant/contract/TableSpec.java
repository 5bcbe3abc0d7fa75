package shop.verdant.contract;

import java.util.List;

/**
 * One DynamoDB table as both CDK and the local shop create it: the only place keys, indexes, TTL and
 * streams are declared. {@code envVar} is the variable that carries the deployed table name to code.
 */
public record TableSpec(
        String logicalName,
        String envVar,
        Key partitionKey,
        Key sortKey,
        List<Index> globalIndexes,
        String ttlAttribute,
        boolean stream) {

    public enum KeyType { S, N }

    public record Key(String name, KeyType type) {
        public static Key s(String name) {
            return new Key(name, KeyType.S);
        }

        public static Key n(String name) {
            return new Key(name, KeyType.N);
        }
    }

    /** A global secondary index projecting all attributes. */
    public record Index(String name, Key partitionKey, Key sortKey) {
    }

    public TableSpec {
        globalIndexes = List.copyOf(globalIndexes);
    }
}

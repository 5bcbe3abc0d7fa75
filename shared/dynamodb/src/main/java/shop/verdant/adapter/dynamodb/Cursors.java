package shop.verdant.adapter.dynamodb;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shop.verdant.domain.common.ValidationException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A page's position as an opaque cursor: the string attributes of DynamoDB's LastEvaluatedKey, in a fixed order,
 * base64url-encoded. It names only keys the caller could read anyway (its own partition: the query re-applies the
 * caller's partition key, so a cursor cannot reach another merchant's items).
 */
final class Cursors {
    private Cursors() {
    }

    static String encode(Map<String, AttributeValue> lastKey, List<String> names) {
        if (lastKey == null || lastKey.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(lastKey.get(name).s());
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The start key, with the partition key set to {@code partition} (never taken from the cursor). */
    static Map<String, AttributeValue> decode(String cursor, List<String> names, String partitionName, String partition) {
        Map<String, AttributeValue> key = decode(cursor, names);
        if (key != null) {
            key.put(partitionName, AttributeValue.fromS(partition));
        }
        return key;
    }

    /**
     * The start key as the cursor names it, or null without one; for lists any of whose partitions the caller may read
     * (an admin's), which check the partition themselves when it must match their query.
     */
    static Map<String, AttributeValue> decode(String cursor, List<String> names) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("cursor", "Not a cursor of this list; start again without it.");
        }
        if (parts.length != names.size() || java.util.Arrays.stream(parts).anyMatch(String::isEmpty)) {
            throw ValidationException.of("cursor", "Not a cursor of this list; start again without it.");
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            key.put(names.get(i), AttributeValue.fromS(parts[i]));
        }
        return key;
    }

    /** A query from a cursor that was edited to point outside it is the caller's mistake (400), not the shop's. */
    static software.amazon.awssdk.services.dynamodb.model.QueryResponse query(software.amazon.awssdk.services.dynamodb.DynamoDbClient client,
                                                                              software.amazon.awssdk.services.dynamodb.model.QueryRequest request) {
        try {
            return client.query(request);
        } catch (software.amazon.awssdk.services.dynamodb.model.DynamoDbException e) {
            if (request.hasExclusiveStartKey() && !request.exclusiveStartKey().isEmpty() && e.awsErrorDetails() != null
                    && "ValidationException".equals(e.awsErrorDetails().errorCode())) {
                throw ValidationException.of("cursor", "Not a cursor of this list; start again without it.");
            }
            throw e;
        }
    }
}

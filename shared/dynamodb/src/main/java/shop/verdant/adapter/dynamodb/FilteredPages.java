package shop.verdant.adapter.dynamodb;

import static shop.verdant.adapter.dynamodb.Attr.s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A page of one partition of an index, newest first, filtered as it is read: index pages are read until {@code limit}
 * items matched or {@link #MAX_PAGES} pages of at least 100 were read (a filter that matches little, like the low-stock
 * list, still answers quickly, with a cursor where it stopped). The cursor holds only keys of the caller's own partition.
 */
final class FilteredPages {
    static final int MAX_PAGES = 8;

    private FilteredPages() {
    }

    record Page<T>(List<T> items, String nextCursor) {
    }

    static <T> Page<T> read(DynamoDbClient client, String table, String index, String partitionName, String partition,
                            List<String> cursorNames, Predicate<Map<String, AttributeValue>> matches,
                            Function<Map<String, AttributeValue>, T> map, int limit, String cursor) {
        List<T> out = new ArrayList<>();
        Map<String, AttributeValue> start = Cursors.decode(cursor, cursorNames, partitionName, partition);
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, AttributeValue> from = start;
            QueryResponse answer = client.query(b -> b.tableName(table).indexName(index)
                    .keyConditionExpression("#p = :p").expressionAttributeNames(Map.of("#p", partitionName))
                    .expressionAttributeValues(Map.of(":p", s(partition)))
                    .scanIndexForward(false).exclusiveStartKey(from).limit(Math.max(limit - out.size(), 100)));
            List<Map<String, AttributeValue>> items = answer.items();
            boolean last = !answer.hasLastEvaluatedKey() || answer.lastEvaluatedKey().isEmpty();
            for (int i = 0; i < items.size(); i++) {
                if (matches.test(items.get(i))) {
                    out.add(map.apply(items.get(i)));
                    if (out.size() == limit) {
                        boolean more = i < items.size() - 1 || !last;
                        return new Page<>(out, more ? Cursors.encode(items.get(i), cursorNames) : null);
                    }
                }
            }
            start = last ? null : answer.lastEvaluatedKey();
            if (start == null) {
                break;
            }
        }
        return new Page<>(out, start == null ? null : Cursors.encode(start, cursorNames));
    }
}

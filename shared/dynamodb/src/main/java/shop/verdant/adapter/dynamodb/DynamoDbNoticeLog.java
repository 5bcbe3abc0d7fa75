package shop.verdant.adapter.dynamodb;

import static shop.verdant.adapter.dynamodb.Attr.n;
import static shop.verdant.adapter.dynamodb.Attr.s;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import shop.verdant.application.notifications.port.NoticeLog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Notices sent, in the ProcessedEvents table beside the webhook events ({@code notice:<key>}), kept 35 days by TTL:
 * far longer than a stream holds a record. A claim is a PutItem only if absent.
 */
public final class DynamoDbNoticeLog implements NoticeLog {
    static final Duration KEPT = Duration.ofDays(35);

    private final DynamoDbClient client;
    private final String table;
    private final Clock clock;

    public DynamoDbNoticeLog(DynamoDbClient client, String table, Clock clock) {
        this.client = client;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public boolean claim(String key) {
        try {
            client.putItem(b -> b.tableName(table).item(Map.of("eventId", s("notice:" + key), "at", s(clock.instant().toString()),
                            "ttl", n(clock.instant().plus(KEPT).getEpochSecond())))
                    .conditionExpression("attribute_not_exists(eventId)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void release(String key) {
        client.deleteItem(b -> b.tableName(table).key(Map.of("eventId", s("notice:" + key))));
    }
}

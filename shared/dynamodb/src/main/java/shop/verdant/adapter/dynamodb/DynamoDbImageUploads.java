package shop.verdant.adapter.dynamodb;

import static shop.verdant.adapter.dynamodb.Attr.n;
import static shop.verdant.adapter.dynamodb.Attr.s;
import static shop.verdant.adapter.dynamodb.Attr.str;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import shop.verdant.application.media.port.ImageUploadLog;
import shop.verdant.domain.media.ImageUpload;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** ImageUploads: one item per upload, put when signed, settled once (conditioned on PENDING), gone after a day. */
public final class DynamoDbImageUploads implements ImageUploadLog {
    static final long KEEP_SECONDS = 24 * 3600;

    private final DynamoDbClient client;
    private final String table;

    public DynamoDbImageUploads(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public void open(ImageUpload u) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("uploadId", s(u.uploadId()));
        item.put("merchantId", s(u.merchantId()));
        item.put("productId", s(u.productId()));
        item.put("contentType", s(u.contentType()));
        item.put("status", s(u.status().name()));
        item.put("createdAt", s(u.createdAt().toString()));
        item.put("ttl", n(u.createdAt().getEpochSecond() + KEEP_SECONDS));
        client.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(uploadId)"));
    }

    @Override
    public Optional<ImageUpload> find(String uploadId) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).key(Map.of("uploadId", s(uploadId)))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        String settled = str(item, "settledAt");
        return Optional.of(new ImageUpload(str(item, "uploadId"), str(item, "merchantId"), str(item, "productId"),
                str(item, "contentType"), ImageUpload.Status.valueOf(str(item, "status")), str(item, "reason"),
                str(item, "imageKey"), Instant.parse(str(item, "createdAt")), settled == null ? null : Instant.parse(settled)));
    }

    @Override
    public boolean settle(ImageUpload u) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":status", s(u.status().name()), ":pending",
                s(ImageUpload.Status.PENDING.name()), ":at", s(u.settledAt().toString())));
        StringBuilder set = new StringBuilder("SET #status = :status, settledAt = :at");
        if (u.reason() != null) {
            set.append(", reason = :reason");
            values.put(":reason", s(u.reason()));
        }
        if (u.imageKey() != null) {
            set.append(", imageKey = :key");
            values.put(":key", s(u.imageKey()));
        }
        try {
            client.updateItem(b -> b.tableName(table).key(Map.of("uploadId", s(u.uploadId())))
                    .updateExpression(set.toString()).conditionExpression("#status = :pending")
                    .expressionAttributeNames(Map.of("#status", "status")).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}

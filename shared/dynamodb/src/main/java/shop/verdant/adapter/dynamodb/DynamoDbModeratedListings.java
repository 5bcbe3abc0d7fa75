package shop.verdant.adapter.dynamodb;

import static shop.verdant.adapter.dynamodb.Attr.n;
import static shop.verdant.adapter.dynamodb.Attr.s;
import static shop.verdant.adapter.dynamodb.Attr.str;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import shop.verdant.application.admin.port.ModeratedListings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** One conditioned update of the Products table; the Products stream takes the product out of search. */
public final class DynamoDbModeratedListings implements ModeratedListings {
    private final DynamoDbClient client;
    private final String table;

    public DynamoDbModeratedListings(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public Optional<String> archive(String productId, String reason, Instant at) {
        try {
            var r = client.updateItem(b -> b.tableName(table).key(Map.of("productId", s(productId)))
                    .updateExpression("SET #status = :archived, moderatedBecause = :why, moderatedAt = :at ADD revision :one")
                    .conditionExpression("attribute_exists(productId)").expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":archived", s("ARCHIVED"), ":why", s(reason), ":at", s(at.toString()), ":one", n(1)))
                    .returnValues(ReturnValue.ALL_NEW));
            return Optional.ofNullable(str(r.attributes(), "merchantId"));
        } catch (ConditionalCheckFailedException none) {
            return Optional.empty();
        }
    }
}

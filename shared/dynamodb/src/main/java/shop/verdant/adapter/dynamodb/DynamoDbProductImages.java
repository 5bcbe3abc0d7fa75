package shop.verdant.adapter.dynamodb;

import static shop.verdant.adapter.dynamodb.Attr.n;
import static shop.verdant.adapter.dynamodb.Attr.s;
import static shop.verdant.adapter.dynamodb.Attr.str;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import shop.verdant.application.media.port.ProductImages;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Appends an image to a product with one UpdateItem ({@code list_append}, {@code ADD revision, version}), conditioned on
 * the merchant, the count and the key's absence; the failed condition's item says which of them failed.
 */
public final class DynamoDbProductImages implements ProductImages {
    private final DynamoDbClient client;
    private final String products;

    public DynamoDbProductImages(DynamoDbClient client, String products) {
        this.client = client;
        this.products = products;
    }

    @Override
    public Attached attach(String productId, String merchantId, String imageKey, int max, String actor, Instant at) {
        try {
            client.updateItem(b -> b.tableName(products).key(Map.of("productId", s(productId)))
                    .updateExpression("SET images = list_append(if_not_exists(images, :none), :image), updatedAt = :at, "
                            + "updatedBy = :by ADD revision :one, version :one")
                    .conditionExpression("merchantId = :merchant AND (attribute_not_exists(images) OR "
                            + "(size(images) < :max AND NOT contains(images, :key)))")
                    .expressionAttributeValues(Map.of(":none", Attr.l(List.of()), ":image", Attr.l(List.of(s(imageKey))),
                            ":at", s(at.toString()), ":by", s(actor), ":one", n(1), ":merchant", s(merchantId),
                            ":max", n(max), ":key", s(imageKey)))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return Attached.ATTACHED;
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> item = e.item();
            if (item == null || item.isEmpty() || !merchantId.equals(str(item, "merchantId"))) {
                return Attached.GONE;
            }
            List<AttributeValue> images = item.containsKey("images") ? item.get("images").l() : List.of();
            return images.stream().anyMatch(v -> imageKey.equals(v.s())) ? Attached.ALREADY : Attached.FULL;
        }
    }

    @Override
    public Optional<String> owner(String productId) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(products).key(Map.of("productId", s(productId)))
                .projectionExpression("merchantId").consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(str(item, "merchantId"));
    }
}

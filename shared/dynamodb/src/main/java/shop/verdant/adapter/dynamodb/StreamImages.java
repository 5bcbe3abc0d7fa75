package shop.verdant.adapter.dynamodb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shop.verdant.domain.shopping.Order;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Stream records as the tables' own items: a Lambda DynamoDB event carries its images in the events library's model;
 * this turns them into the SDK's, so a consumer reads an image with the same mapping the store writes it with.
 */
public final class StreamImages {
    private StreamImages() {
    }

    /** The order an Orders image holds; null for no image (before an INSERT, after a REMOVE). */
    public static Order order(Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        return image == null || image.isEmpty() ? null : DynamoDbOrderStore.toOrder(item(image));
    }

    /** The shipment a Shipments image holds; null for no image. */
    public static shop.verdant.domain.shopping.Shipment shipment(
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        return image == null || image.isEmpty() ? null : ShipmentItems.toDomain(item(image));
    }

    /** The import job an Imports image holds; null for no image. */
    public static shop.verdant.application.backoffice.port.ImportStore.Job importJob(
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        return image == null || image.isEmpty() ? null : DynamoDbImportStore.job(item(image));
    }

    /** The image keys a Products image holds, in order; empty for no image or no pictures. */
    public static List<String> productImages(
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        var images = image == null ? null : image.get("images");
        return images == null || images.getL() == null ? List.of() : images.getL().stream().map(v -> v.getS()).toList();
    }

    static Map<String, AttributeValue> item(Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        image.forEach((k, v) -> out.put(k, value(v)));
        return out;
    }

    private static AttributeValue value(com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue v) {
        if (v.getS() != null) {
            return AttributeValue.fromS(v.getS());
        }
        if (v.getN() != null) {
            return AttributeValue.fromN(v.getN());
        }
        if (v.getBOOL() != null) {
            return AttributeValue.fromBool(v.getBOOL());
        }
        if (v.getM() != null) {
            return AttributeValue.fromM(item(v.getM()));
        }
        if (v.getL() != null) {
            List<AttributeValue> list = v.getL().stream().map(StreamImages::value).toList();
            return AttributeValue.fromL(list);
        }
        if (v.getSS() != null) {
            return AttributeValue.fromSs(v.getSS());
        }
        if (v.getNS() != null) {
            return AttributeValue.fromNs(v.getNS());
        }
        return AttributeValue.fromNul(true);
    }
}

package shop.verdant.adapter.dynamodb;

import static shop.verdant.adapter.dynamodb.Attr.s;
import static shop.verdant.adapter.dynamodb.Attr.str;

import java.util.Map;
import shop.verdant.application.admin.port.MerchantListings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A merchant's products through the Products table's {@code byMerchant} index, each moved between ACTIVE and SUSPENDED
 * by an update conditioned on its status (so a product the merchant archived meanwhile, or one moved already, is left
 * alone). The Products stream carries each change to search, as it does the merchant's own.
 */
public final class DynamoDbMerchantListings implements MerchantListings {
    private final DynamoDbClient client;
    private final String table;

    public DynamoDbMerchantListings(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public int suspend(String merchantId) {
        return move(merchantId, "ACTIVE", "SUSPENDED");
    }

    @Override
    public int reinstate(String merchantId) {
        return move(merchantId, "SUSPENDED", "ACTIVE");
    }

    private int move(String merchantId, String from, String to) {
        int moved = 0;
        for (var item : client.queryPaginator(b -> b.tableName(table).indexName("byMerchant")
                .keyConditionExpression("merchantId = :m").filterExpression("#status = :from")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":m", s(merchantId), ":from", s(from)))).items()) {
            try {
                client.updateItem(b -> b.tableName(table).key(Map.of("productId", s(str(item, "productId"))))
                        .updateExpression("SET #status = :to").conditionExpression("#status = :from AND merchantId = :m")
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(Map.of(":to", s(to), ":from", s(from), ":m", s(merchantId))));
                moved++;
            } catch (ConditionalCheckFailedException changedMeanwhile) {
                // the merchant archived it, or another call moved it: nothing to do
            }
        }
        return moved;
    }
}

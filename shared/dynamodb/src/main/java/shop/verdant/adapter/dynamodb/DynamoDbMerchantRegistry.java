package shop.verdant.adapter.dynamodb;

import static shop.verdant.adapter.dynamodb.Attr.s;
import static shop.verdant.adapter.dynamodb.Attr.str;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import shop.verdant.application.admin.port.MerchantRegistry;
import shop.verdant.domain.admin.MerchantAccount;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/** Merchants: a conditional put per merchant; the {@code byStatus} index lists them newest first. */
public final class DynamoDbMerchantRegistry implements MerchantRegistry {
    private final DynamoDbClient client;
    private final String table;

    public DynamoDbMerchantRegistry(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public MerchantAccount createIfAbsent(MerchantAccount m) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("merchantId", s(m.merchantId()));
        item.put("displayName", s(m.displayName()));
        item.put("email", s(m.email()));
        item.put("userSub", s(m.userSub()));
        item.put("status", s(m.status()));
        item.put("createdAt", s(m.createdAt().toString()));
        item.put("createdBy", s(m.createdBy()));
        try {
            client.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(merchantId)")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return m;
        } catch (ConditionalCheckFailedException e) {
            return merchant(e.item());
        }
    }

    @Override
    public List<MerchantAccount> list(String status, int limit) {
        return client.query(b -> b.tableName(table).indexName("byStatus").keyConditionExpression("#status = :status")
                        .expressionAttributeNames(Map.of("#status", "status")).expressionAttributeValues(Map.of(":status", s(status)))
                        .scanIndexForward(false).limit(limit))
                .items().stream().map(DynamoDbMerchantRegistry::merchant).toList();
    }

    static MerchantAccount merchant(Map<String, AttributeValue> i) {
        return new MerchantAccount(str(i, "merchantId"), str(i, "displayName"), str(i, "email"), str(i, "userSub"),
                str(i, "status"), Instant.parse(str(i, "createdAt")), str(i, "createdBy"));
    }
}

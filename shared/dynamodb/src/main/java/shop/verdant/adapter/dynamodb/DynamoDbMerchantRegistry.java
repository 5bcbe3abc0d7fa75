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

    @Override
    public java.util.Optional<MerchantAccount> find(String merchantId) {
        var item = client.getItem(b -> b.tableName(table).key(Map.of("merchantId", s(merchantId))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(merchant(item));
    }

    @Override
    public boolean moveStatus(String merchantId, String from, String to, String reason, Instant at, String actor) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":from", s(from), ":to", s(to), ":at", s(at.toString()),
                ":by", s(actor)));
        String set = "SET #status = :to, statusChangedAt = :at, statusChangedBy = :by";
        if (reason != null) {
            values.put(":why", s(reason));
            set += ", suspendedBecause = :why";
        } else {
            set += " REMOVE suspendedBecause";
        }
        String expression = set;
        try {
            client.updateItem(b -> b.tableName(table).key(Map.of("merchantId", s(merchantId))).updateExpression(expression)
                    .conditionExpression("#status = :from").expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    static MerchantAccount merchant(Map<String, AttributeValue> i) {
        return new MerchantAccount(str(i, "merchantId"), str(i, "displayName"), str(i, "email"), str(i, "userSub"),
                str(i, "status"), Instant.parse(str(i, "createdAt")), str(i, "createdBy"), str(i, "suspendedBecause"));
    }
}

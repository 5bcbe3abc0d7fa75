package shop.verdant.adapter.dynamodb;

import static shop.verdant.adapter.dynamodb.Attr.n;
import static shop.verdant.adapter.dynamodb.Attr.s;
import static shop.verdant.adapter.dynamodb.Attr.str;

import java.util.Map;
import shop.verdant.application.admin.port.CategoryProducts;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * A category's products through the Products table's {@code byCategory} index: counted (keys only), and moved one by one
 * with an update conditioned on the product still being in the old category; the revision moves, so the merchant's next
 * edit needs the new ETag and search republishes the product.
 */
public final class DynamoDbCategoryProducts implements CategoryProducts {
    private final DynamoDbClient client;
    private final String table;

    public DynamoDbCategoryProducts(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public int count(String categoryId) {
        int n = 0;
        for (var page : client.queryPaginator(b -> b.tableName(table).indexName("byCategory").keyConditionExpression("categoryId = :c")
                .expressionAttributeValues(Map.of(":c", s(categoryId))).select(Select.COUNT))) {
            n += page.count();
        }
        return n;
    }

    @Override
    public int reassign(String from, String to) {
        int moved = 0;
        for (var item : client.queryPaginator(b -> b.tableName(table).indexName("byCategory").keyConditionExpression("categoryId = :c")
                .expressionAttributeValues(Map.of(":c", s(from)))).items()) {
            try {
                client.updateItem(b -> b.tableName(table).key(Map.of("productId", s(str(item, "productId"))))
                        .updateExpression("SET categoryId = :to ADD revision :one").conditionExpression("categoryId = :from")
                        .expressionAttributeValues(Map.of(":to", s(to), ":from", s(from), ":one", n(1))));
                moved++;
            } catch (ConditionalCheckFailedException movedMeanwhile) {
                // its merchant put it elsewhere since the index was read
            }
        }
        return moved;
    }
}

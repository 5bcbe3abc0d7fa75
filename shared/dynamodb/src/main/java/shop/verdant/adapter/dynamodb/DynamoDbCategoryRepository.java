package shop.verdant.adapter.dynamodb;

import static shop.verdant.adapter.dynamodb.Attr.n;
import static shop.verdant.adapter.dynamodb.Attr.num;
import static shop.verdant.adapter.dynamodb.Attr.s;
import static shop.verdant.adapter.dynamodb.Attr.str;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import shop.verdant.application.catalog.port.CategoryRepository;
import shop.verdant.domain.catalog.Category;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The Categories table. {@code kind} holds one constant on every item, so the {@code all} index returns the
 * whole tree with a Query, never a Scan.
 */
public final class DynamoDbCategoryRepository implements CategoryRepository {
    static final String KIND = "category";
    private final DynamoDbClient client;
    private final String table;

    public DynamoDbCategoryRepository(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public List<Category> findAll() {
        List<Category> out = new ArrayList<>();
        Attr.allOfKind(client, table, KIND).forEach(i -> out.add(new Category(str(i, "categoryId"), str(i, "parentId"), str(i, "name"),
                        (int) num(i, "position"))));
        return out;
    }

    @Override
    public void save(Category category) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("kind", s(KIND));
        item.put("categoryId", s(category.categoryId()));
        if (category.parentId() != null) {
            item.put("parentId", s(category.parentId()));
        }
        item.put("name", s(category.name()));
        item.put("position", n(category.position()));
        client.putItem(b -> b.tableName(table).item(item));
    }

    /** A removal names no attributes: the item is stamped first, so the audit log's entry names who deleted it. */
    @Override
    public void delete(String categoryId) {
        Map<String, AttributeValue> key = Map.of("categoryId", s(categoryId));
        try {
            client.updateItem(b -> b.tableName(table).key(key).conditionExpression("attribute_exists(categoryId)"));
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException gone) {
            return;
        }
        client.deleteItem(b -> b.tableName(table).key(key));
    }
}

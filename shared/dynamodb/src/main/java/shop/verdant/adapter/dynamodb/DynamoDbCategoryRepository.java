package shop.verdant.adapter.dynamodb;

import java.util.ArrayList;
import java.util.List;
import shop.verdant.application.catalog.port.CategoryRepository;
import shop.verdant.domain.catalog.Category;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

public final class DynamoDbCategoryRepository implements CategoryRepository {
    static final String KIND = "category";
    private static final TableSchema<CategoryItem> SCHEMA = TableSchema.fromBean(CategoryItem.class);
    private final DynamoDbTable<CategoryItem> table;
    private final DynamoDbIndex<CategoryItem> all;

    public DynamoDbCategoryRepository(DynamoDbEnhancedClient client, String tableName) {
        this.table = client.table(tableName, SCHEMA);
        this.all = table.index("all");
    }

    @Override
    public List<Category> findAll() {
        List<Category> out = new ArrayList<>();
        all.query(QueryConditional.keyEqualTo(Key.builder().partitionValue(KIND).build()))
                .forEach(page -> page.items().forEach(i -> out.add(
                        new Category(i.getCategoryId(), i.getParentId(), i.getName(),
                                i.getPosition() == null ? 0 : i.getPosition()))));
        return out;
    }

    @Override
    public void save(Category category) {
        CategoryItem item = new CategoryItem();
        item.setKind(KIND);
        item.setCategoryId(category.categoryId());
        item.setParentId(category.parentId());
        item.setName(category.name());
        item.setPosition(category.position());
        table.putItem(item);
    }
}

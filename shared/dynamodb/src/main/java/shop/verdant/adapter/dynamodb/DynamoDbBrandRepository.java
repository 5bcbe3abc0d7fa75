package shop.verdant.adapter.dynamodb;

import java.util.ArrayList;
import java.util.List;
import shop.verdant.application.catalog.port.BrandRepository;
import shop.verdant.domain.catalog.Brand;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

public final class DynamoDbBrandRepository implements BrandRepository {
    static final String KIND = "brand";
    private static final TableSchema<BrandItem> SCHEMA = TableSchema.fromBean(BrandItem.class);
    private final DynamoDbTable<BrandItem> table;
    private final DynamoDbIndex<BrandItem> all;

    public DynamoDbBrandRepository(DynamoDbEnhancedClient client, String tableName) {
        this.table = client.table(tableName, SCHEMA);
        this.all = table.index("all");
    }

    @Override
    public List<Brand> findAll() {
        List<Brand> out = new ArrayList<>();
        all.query(QueryConditional.keyEqualTo(Key.builder().partitionValue(KIND).build()))
                .forEach(page -> page.items().forEach(i -> out.add(new Brand(i.getBrandId(), i.getName()))));
        return out;
    }

    @Override
    public void save(Brand brand) {
        BrandItem item = new BrandItem();
        item.setKind(KIND);
        item.setBrandId(brand.brandId());
        item.setName(brand.name());
        table.putItem(item);
    }
}

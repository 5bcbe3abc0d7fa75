package shop.verdant.adapter.dynamodb;

import static shop.verdant.adapter.dynamodb.Attr.s;
import static shop.verdant.adapter.dynamodb.Attr.str;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import shop.verdant.application.catalog.port.BrandRepository;
import shop.verdant.domain.catalog.Brand;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The Brands table; like categories, all of it is one Query on the {@code all} index. */
public final class DynamoDbBrandRepository implements BrandRepository {
    static final String KIND = "brand";
    private final DynamoDbClient client;
    private final String table;

    public DynamoDbBrandRepository(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public List<Brand> findAll() {
        List<Brand> out = new ArrayList<>();
        Attr.allOfKind(client, table, KIND).forEach(i -> out.add(new Brand(str(i, "brandId"), str(i, "name"),
                i.containsKey("retired") && Boolean.TRUE.equals(i.get("retired").bool()))));
        return out;
    }

    @Override
    public void save(Brand brand) {
        client.putItem(b -> b.tableName(table).item(Map.of("kind", s(KIND), "brandId", s(brand.brandId()),
                "name", s(brand.name()), "retired", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromBool(brand.retired()))));
    }
}

package shop.verdant.adapter.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import shop.verdant.application.catalog.port.ProductRepository;
import shop.verdant.domain.catalog.Product;
import shop.verdant.domain.catalog.ProductStatus;
import shop.verdant.domain.catalog.Seo;
import shop.verdant.domain.common.ConflictException;
import shop.verdant.domain.common.Money;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

public final class DynamoDbProductRepository implements ProductRepository {
    private static final TableSchema<ProductItem> SCHEMA = TableSchema.fromBean(ProductItem.class);
    private final DynamoDbTable<ProductItem> table;
    private final DynamoDbEnhancedClient enhanced;

    public DynamoDbProductRepository(DynamoDbEnhancedClient client, String tableName) {
        this.enhanced = client;
        this.table = client.table(tableName, SCHEMA);
    }

    @Override
    public Optional<Product> find(String productId) {
        ProductItem item = table.getItem(Key.builder().partitionValue(productId).build());
        return Optional.ofNullable(item).map(DynamoDbProductRepository::toDomain);
    }

    /** One BatchGetItem per 100 ids, strongly consistent (prices and stock must be current); unprocessed keys are retried by the SDK's pager. */
    @Override
    public java.util.Map<String, Product> findMany(java.util.Collection<String> productIds) {
        java.util.Map<String, Product> out = new java.util.LinkedHashMap<>();
        List<String> ids = productIds.stream().distinct().toList();
        for (int from = 0; from < ids.size(); from += 100) {
            var batch = software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch.builder(ProductItem.class)
                    .mappedTableResource(table);
            for (String id : ids.subList(from, Math.min(ids.size(), from + 100))) {
                batch.addGetItem(software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest.builder()
                        .key(Key.builder().partitionValue(id).build()).consistentRead(true).build());
            }
            var built = batch.build();
            enhanced.batchGetItem(r -> r.readBatches(built)).resultsForTable(table)
                    .forEach(item -> out.put(item.getProductId(), toDomain(item)));
        }
        return out;
    }

    @Override
    public void save(Product product) {
        try {
            table.putItem(toItem(product));
        } catch (ConditionalCheckFailedException e) {
            throw new ConflictException("Product " + product.productId() + " was changed by someone else; reload it and try again.");
        }
    }

    @Override
    public List<Product> listAllForSnapshot() {
        List<Product> out = new ArrayList<>();
        table.scan().items().forEach(item -> out.add(toDomain(item)));
        return out;
    }

    static ProductItem toItem(Product p) {
        ProductItem i = new ProductItem();
        i.setProductId(p.productId());
        i.setMerchantId(p.merchantId());
        i.setSku(p.sku());
        i.setName(p.name());
        i.setDescription(p.description());
        i.setBrandId(p.brandId());
        i.setColour(p.colour());
        i.setCategoryId(p.categoryId());
        i.setAttributes(p.attributes().isEmpty() ? null : p.attributes());
        i.setPriceMinor(p.price().minor());
        i.setCurrency(p.price().currency());
        i.setStockAvailable(p.stockAvailable());
        i.setStockReserved(p.stockReserved());
        i.setStatus(p.status().name());
        i.setImages(p.images().isEmpty() ? null : p.images());
        if (p.seo() != null) {
            ProductItem.SeoItem seo = new ProductItem.SeoItem();
            seo.setSlug(p.seo().slug());
            seo.setTitle(p.seo().title());
            seo.setDescription(p.seo().description());
            i.setSeo(seo);
        }
        i.setCreatedAt(p.createdAt() == null ? null : p.createdAt().toString());
        i.setUpdatedAt(p.updatedAt() == null ? null : p.updatedAt().toString());
        i.setUpdatedBy(p.updatedBy());
        i.setVersion(p.version() == 0 ? null : p.version());
        return i;
    }

    static Product toDomain(ProductItem i) {
        Seo seo = i.getSeo() == null ? null
                : new Seo(i.getSeo().getSlug(), i.getSeo().getTitle(), i.getSeo().getDescription());
        return new Product(i.getProductId(), i.getMerchantId(), i.getSku(), i.getName(), i.getDescription(),
                i.getBrandId(), i.getColour(), i.getCategoryId(), i.getAttributes(),
                Money.of(i.getPriceMinor(), i.getCurrency()),
                nz(i.getStockAvailable()), nz(i.getStockReserved()), ProductStatus.valueOf(i.getStatus()),
                i.getImages(), seo, instant(i.getCreatedAt()), instant(i.getUpdatedAt()), i.getUpdatedBy(),
                nz(i.getVersion()));
    }

    private static long nz(Long v) {
        return v == null ? 0 : v;
    }

    private static Instant instant(String iso) {
        return iso == null ? null : Instant.parse(iso);
    }
}

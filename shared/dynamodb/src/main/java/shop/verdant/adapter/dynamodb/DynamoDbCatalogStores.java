package shop.verdant.adapter.dynamodb;

import java.util.function.Supplier;
import shop.verdant.application.catalog.port.BrandRepository;
import shop.verdant.application.catalog.port.CategoryRepository;
import shop.verdant.application.catalog.port.ProductRepository;
import shop.verdant.config.Env;
import shop.verdant.config.Lazy;
import shop.verdant.contract.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The catalog's three tables, named by the environment, over one client made on first use: what the catalog functions
 * read, and nothing more ({@link DynamoDbStores} reaches the order and payment stores too, and with them into a jar).
 */
public final class DynamoDbCatalogStores {
    private final Supplier<DynamoDbClient> client = Lazy.memoize(DynamoDb::client);

    public ProductRepository products() {
        return Lazy.of(ProductRepository.class, () -> new DynamoDbProductRepository(client.get(), Env.require(Tables.PRODUCTS.envVar())));
    }

    public CategoryRepository categories() {
        return Lazy.of(CategoryRepository.class, () -> new DynamoDbCategoryRepository(client.get(), Env.require(Tables.CATEGORIES.envVar())));
    }

    public BrandRepository brands() {
        return Lazy.of(BrandRepository.class, () -> new DynamoDbBrandRepository(client.get(), Env.require(Tables.BRANDS.envVar())));
    }
}

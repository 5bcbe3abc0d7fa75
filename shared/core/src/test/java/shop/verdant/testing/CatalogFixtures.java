package shop.verdant.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import shop.verdant.domain.catalog.Brand;
import shop.verdant.domain.catalog.Category;
import shop.verdant.domain.catalog.Product;
import shop.verdant.domain.catalog.ProductStatus;
import shop.verdant.domain.catalog.Seo;
import shop.verdant.domain.catalog.search.CatalogItem;
import shop.verdant.domain.common.Money;

/** A small hand-made catalog whose every search answer can be worked out on paper. */
public final class CatalogFixtures {
    private CatalogFixtures() {
    }

    public static final List<Category> CATEGORIES = List.of(
            new Category("kitchen", null, "Kitchen", 0),
            new Category("drinkware", "kitchen", "Drinkware", 0),
            new Category("bottles", "drinkware", "Water Bottles", 0),
            new Category("cups", "drinkware", "Coffee Cups", 1),
            new Category("bath", null, "Bath", 1),
            new Category("oral-care", "bath", "Oral Care", 0),
            new Category("toothbrushes", "oral-care", "Toothbrushes", 0));

    public static final List<Brand> BRANDS = List.of(
            new Brand("bambu", "Bambu Basics"), new Brand("terra", "Terra Verde"), new Brand("ocean", "Ocean Kind"));

    public static Product product(String id, String name, String brand, String colour, String category, long price,
                                  long stock, long createdEpochSecond, Map<String, String> attributes) {
        Instant created = Instant.ofEpochSecond(createdEpochSecond);
        return new Product(id, "merchant-1", "SKU-" + id, name, name + " for everyday use.", brand, colour, category,
                attributes, Money.of(price, "EUR"), stock, 0, ProductStatus.ACTIVE,
                List.of("images/" + id + "/main.svg"), new Seo(id, name, name), created, created, "test", 0);
    }

    /** Eight products; p1..p8 were created in that order (p8 newest). */
    public static List<Product> products() {
        return List.of(
                product("p1", "Bamboo Toothbrush", "bambu", "natural", "toothbrushes", 399, 50, 1000, Map.of("material", "bamboo")),
                product("p2", "Bamboo Water Bottle", "bambu", "green", "bottles", 2499, 10, 2000, Map.of("material", "bamboo")),
                product("p3", "Steel Water Bottle", "terra", "grey", "bottles", 2999, 0, 3000, Map.of("material", "steel")),
                product("p4", "Glass Water Bottle", "ocean", "blue", "bottles", 1999, 5, 4000, Map.of("material", "glass")),
                product("p5", "Bamboo Coffee Cup", "terra", "green", "cups", 1299, 30, 5000, Map.of("material", "bamboo")),
                product("p6", "Cork Coffee Cup", "ocean", "natural", "cups", 1499, 30, 6000, Map.of("material", "cork")),
                product("p7", "Charcoal Toothbrush", "ocean", "black", "toothbrushes", 499, 30, 7000, Map.of("material", "bamboo")),
                product("p8", "Bamboo Bottle Brush", "bambu", "natural", "drinkware", 899, 30, 8000, Map.of("material", "bamboo")));
    }

    public static List<CatalogItem> items() {
        return products().stream().map(CatalogItem::from).toList();
    }
}

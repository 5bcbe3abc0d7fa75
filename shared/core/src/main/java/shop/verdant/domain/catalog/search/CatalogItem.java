package shop.verdant.domain.catalog.search;

import java.util.Map;
import shop.verdant.domain.catalog.Product;

/**
 * What the search index knows of one shoppable product: the catalog snapshot is a set of these.
 * {@code createdAtMillis} drives "newest"; {@code image} is the first image's key, or null.
 */
public record CatalogItem(
        String productId,
        String name,
        String description,
        String brandId,
        String colour,
        String categoryId,
        Map<String, String> attributes,
        long priceMinor,
        String currency,
        String image,
        long createdAtMillis,
        boolean inStock) {

    public CatalogItem {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public static CatalogItem from(Product p) {
        return new CatalogItem(p.productId(), p.name(), p.description(), p.brandId(), p.colour(), p.categoryId(),
                p.attributes(), p.price().minor(), p.price().currency(), p.images().isEmpty() ? null : p.images().get(0),
                p.createdAt() == null ? 0 : p.createdAt().toEpochMilli(), p.inStock());
    }
}

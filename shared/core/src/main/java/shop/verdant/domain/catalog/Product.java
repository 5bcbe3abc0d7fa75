package shop.verdant.domain.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import shop.verdant.domain.common.Money;

/**
 * A product as its merchant keeps it. {@code sku} is unique per merchant. Stock is split into what
 * can still be ordered ({@code stockAvailable}) and what pending orders hold ({@code stockReserved}).
 * {@code version} increments on every write and guards concurrent updates.
 */
public record Product(
        String productId,
        String merchantId,
        String sku,
        String name,
        String description,
        String brandId,
        String colour,
        String categoryId,
        Map<String, String> attributes,
        Money price,
        long stockAvailable,
        long stockReserved,
        ProductStatus status,
        List<String> images,
        Seo seo,
        Instant createdAt,
        Instant updatedAt,
        String updatedBy,
        long version) {

    public Product {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(status, "status");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        images = images == null ? List.of() : List.copyOf(images);
    }

    public boolean isVisibleToShoppers() {
        return status == ProductStatus.ACTIVE;
    }

    public boolean inStock() {
        return stockAvailable > 0;
    }
}

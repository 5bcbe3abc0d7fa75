package shop.verdant.application.catalog.port;

import java.util.List;
import java.util.Optional;
import shop.verdant.domain.catalog.Product;

public interface ProductRepository {
    Optional<Product> find(String productId);

    /** The products that exist among {@code productIds}, read consistently, by id (one batch read where the store has one). */
    default java.util.Map<String, Product> findMany(java.util.Collection<String> productIds) {
        java.util.Map<String, Product> out = new java.util.LinkedHashMap<>();
        for (String id : productIds) {
            find(id).ifPresent(p -> out.put(id, p));
        }
        return out;
    }

    /**
     * Writes the product if the stored version still equals {@code product.version()}, the version the
     * caller read (0 for a new product), and stores it as version + 1; otherwise throws
     * {@code ConflictException}: someone else wrote in between.
     */
    void save(Product product);

    /** Every product, for rebuilding the catalog snapshot. Never called on a request path. */
    List<Product> listAllForSnapshot();
}

package shop.verdant.application.catalog.port;

import java.util.List;
import java.util.Optional;
import shop.verdant.domain.catalog.Product;

public interface ProductRepository {
    Optional<Product> find(String productId);

    /**
     * Writes the product if the stored version still equals {@code product.version()}, the version the
     * caller read (0 for a new product), and stores it as version + 1; otherwise throws
     * {@code ConflictException}: someone else wrote in between.
     */
    void save(Product product);

    /** Every product, for rebuilding the catalog snapshot. Never called on a request path. */
    List<Product> listAllForSnapshot();
}

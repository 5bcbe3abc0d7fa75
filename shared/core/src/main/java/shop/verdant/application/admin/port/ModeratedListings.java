package shop.verdant.application.admin.port;

import java.time.Instant;
import java.util.Optional;

/** Any merchant's product, as admins moderate it. */
public interface ModeratedListings {
    /**
     * Archives the product with the reason its merchant reads (its revision moves: the merchant's next edit reads it
     * first); the product's merchant, or empty when there is no such product.
     */
    Optional<String> archive(String productId, String reason, Instant at);
}

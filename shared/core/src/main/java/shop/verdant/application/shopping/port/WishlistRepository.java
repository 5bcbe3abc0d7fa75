package shop.verdant.application.shopping.port;

import java.time.Instant;
import java.util.List;

public interface WishlistRepository {
    record Entry(String productId, Instant addedAt) {
    }

    /** Newest first. */
    List<Entry> list(String userId);

    /** Adds the product (adding it again keeps the first date). */
    void add(String userId, String productId, Instant at);

    void remove(String userId, String productId);
}

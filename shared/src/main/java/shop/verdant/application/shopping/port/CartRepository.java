package shop.verdant.application.shopping.port;

import java.time.Instant;
import java.util.Optional;
import shop.verdant.domain.shopping.Cart;

public interface CartRepository {
    Optional<Cart> find(String cartId);

    /**
     * Writes the cart if its stored version still equals {@code cart.version()} (0: it must not exist yet),
     * storing version + 1 and the expiry; otherwise throws {@code ConflictException}.
     */
    void save(Cart cart, Instant expiresAt);

    void delete(String cartId);
}

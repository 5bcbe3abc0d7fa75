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

    /**
     * In one transaction: saves {@code merged} (version-guarded like {@link #save}) and deletes {@code consumed}
     * if it is still at the version read; otherwise throws {@code ConflictException} and changes nothing. So a
     * visitor cart is merged into a customer's cart exactly once, however many merges race.
     */
    void saveConsuming(Cart merged, Instant expiresAt, Cart consumed);
}

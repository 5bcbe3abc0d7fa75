package shop.verdant.application.shopping;

import java.security.SecureRandom;
import java.util.Base64;
import shop.verdant.domain.common.Keyring;

/**
 * Visitor cart tokens: 128 random bits sealed with the shop's cart keyring, so only tokens the server issued
 * name a cart. A token a client made up (or edited) opens nothing, and the visitor simply has no cart yet:
 * two visitors who send the same invented string can never share one.
 */
public final class CartTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Keyring keys;

    public CartTokens(Keyring keys) {
        this.keys = keys;
    }

    public String issue() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return keys.seal(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The token when this shop issued it; null otherwise (absent, invented, edited, or sealed by a retired key). */
    public String verified(String token) {
        String id = keys.open(token);
        return id != null && id.matches("[A-Za-z0-9_-]{22}") ? token : null;
    }
}

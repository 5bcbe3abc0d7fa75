package shop.verdant.application.shopping;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import shop.verdant.domain.common.ValidationException;

/**
 * Whose cart: a signed-in user's (by Cognito sub) or a visitor's (by an unguessable 128-bit token the
 * shop issued). Anonymous carts live a day, signed-in carts thirty.
 */
public record CartOwner(String userSub, String token) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public static CartOwner user(String sub) {
        return new CartOwner(sub, null);
    }

    /** A visitor's cart; {@code token} may be null (no cart yet). A malformed token is a 400. */
    public static CartOwner visitor(String token) {
        if (token != null && !token.matches("[A-Za-z0-9_-]{22}")) {
            throw ValidationException.of("X-Cart-Token", "Is not a cart token this shop issued.");
        }
        return new CartOwner(null, token);
    }

    public static String newToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public boolean signedIn() {
        return userSub != null;
    }

    public boolean hasCart() {
        return userSub != null || token != null;
    }

    public String cartId() {
        return userSub != null ? "user#" + userSub : "anon#" + token;
    }

    public CartOwner withToken(String newToken) {
        return new CartOwner(null, newToken);
    }

    public Duration lifetime() {
        return signedIn() ? Duration.ofDays(30) : Duration.ofDays(1);
    }
}

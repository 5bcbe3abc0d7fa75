package shop.verdant.application.shopping;

import java.time.Duration;

/**
 * Whose cart: a signed-in user's (by Cognito sub) or a visitor's (by a token the shop issued and
 * {@link CartTokens} verified). Anonymous carts live a day, signed-in carts thirty.
 */
public record CartOwner(String userSub, String token) {
    public static CartOwner user(String sub) {
        return new CartOwner(sub, null);
    }

    /** A visitor's cart by a verified token; null means no cart yet. */
    static CartOwner visitor(String verifiedToken) {
        return new CartOwner(null, verifiedToken);
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

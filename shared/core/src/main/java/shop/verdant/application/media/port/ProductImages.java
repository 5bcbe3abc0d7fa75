package shop.verdant.application.media.port;

import java.util.Optional;

/** A product's images as the image function changes them: appending one, never rewriting the product. */
public interface ProductImages {
    enum Attached { ATTACHED, ALREADY, FULL, GONE }

    /** Appends {@code imageKey} if the product is still {@code merchantId}'s, has fewer than {@code max} and lacks it. */
    Attached attach(String productId, String merchantId, String imageKey, int max, String actor, java.time.Instant at);

    /** The product's owner, if it exists. */
    Optional<String> owner(String productId);
}

package shop.verdant.application.shopping.port;

import java.time.Instant;
import shop.verdant.domain.shopping.Order;

/**
 * What a request with an Idempotency-Key produced: the fingerprint of the request it belongs to and the order
 * as it was placed, so a retry gets the same answer and a different request under the same key is refused.
 */
public record IdempotencyRecord(String key, String requestFingerprint, Order order, Instant createdAt, Instant expiresAt) {
}

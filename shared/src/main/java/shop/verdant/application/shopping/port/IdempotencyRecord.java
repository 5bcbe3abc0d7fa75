package shop.verdant.application.shopping.port;

import java.time.Instant;

/**
 * What a request with an Idempotency-Key produced: the fingerprint of the request it belongs to and the
 * exact response, so a retry gets the same answer and a different request under the same key is refused.
 */
public record IdempotencyRecord(String key, String requestFingerprint, String resourceId, int status,
                                String responseBody, Instant createdAt, Instant expiresAt) {
}

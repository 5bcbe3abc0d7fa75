package shop.verdant.local;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API Gateway's stage throttling, per client: a token bucket of {@code burst} requests refilled at
 * {@code ratePerSecond}. A refused request learns in how many seconds one token is back ({@code Retry-After}).
 */
final class Throttle {
    /** The stage's limits (CDK sets the same: 200 requests a second, bursts of 400). */
    record Limits(double ratePerSecond, int burst) {
        static final Limits STAGE = new Limits(200, 400);
    }

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.refilledAt = at;
        }
    }

    private final Limits limits;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    Throttle(Limits limits) {
        this.limits = limits;
    }

    /** 0 when the request may pass; otherwise the whole seconds until the client may retry (at least 1). */
    long retryAfterSeconds(String client, long nowNanos) {
        Bucket b = buckets.computeIfAbsent(client, c -> new Bucket(limits.burst(), nowNanos));
        synchronized (b) {
            double elapsed = (nowNanos - b.refilledAt) / 1e9;
            b.tokens = Math.min(limits.burst(), b.tokens + elapsed * limits.ratePerSecond());
            b.refilledAt = nowNanos;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b.tokens) / limits.ratePerSecond()));
        }
    }
}

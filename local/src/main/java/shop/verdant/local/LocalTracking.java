package shop.verdant.local;

import java.time.Clock;
import java.time.Duration;
import shop.verdant.adapter.opensearch.OpenSearchBulk;
import shop.verdant.adapter.opensearch.OpenSearchHttp;
import shop.verdant.adapter.opensearch.TrackingIndices;
import shop.verdant.application.tracking.BufferedDelivery;

/**
 * What Firehose does on AWS, played locally: behaviour events and access-log lines wait in bounded buffers and go into
 * the local OpenSearch by bulk request every {@link #INTERVAL} (or at 500 records), into {@code behaviour-yyyy-MM-dd}
 * and {@code access-logs-yyyy-MM-dd}. OpenSearch down: records wait (up to {@link #CAPACITY} per stream, the rest is
 * counted as dropped) and are retried with backoff until it answers again; no request waits for any of it.
 */
final class LocalTracking implements AutoCloseable {
    static final Duration INTERVAL = Duration.ofSeconds(1);
    /** Records each buffer holds while OpenSearch does not answer ({@code VERDANT_TRACKING_CAPACITY}, default 20,000). */
    static final int CAPACITY = Integer.parseInt(shop.verdant.config.Env.get("VERDANT_TRACKING_CAPACITY", "20000"));
    static final BufferedDelivery.Limits LIMITS = new BufferedDelivery.Limits(500, 5L * 1024 * 1024, 1_000 * 1024, CAPACITY,
            INTERVAL, Duration.ofSeconds(5));

    private final BufferedDelivery behaviour;
    private final BufferedDelivery accessLogs;
    private final shop.verdant.http.BufferedSink sink;

    /** The indices' templates are the contract's deploy hook's to apply (LocalTriggers runs it before any request). */
    LocalTracking(OpenSearchHttp openSearch, Clock clock) {
        behaviour = new BufferedDelivery("behaviour-delivery", new OpenSearchBulk(openSearch, TrackingIndices.BEHAVIOUR, clock), LIMITS);
        accessLogs = new BufferedDelivery("access-log-delivery", new OpenSearchBulk(openSearch, TrackingIndices.ACCESS_LOGS, clock),
                LIMITS);
        sink = new shop.verdant.http.BufferedSink(behaviour);
    }

    shop.verdant.http.BufferedSink behaviourSink() {
        return sink;
    }

    BufferedDelivery behaviour() {
        return behaviour;
    }

    BufferedDelivery accessLogs() {
        return accessLogs;
    }

    @Override
    public void close() {
        behaviour.close(Duration.ofSeconds(2));
        accessLogs.close(Duration.ofSeconds(2));
    }
}

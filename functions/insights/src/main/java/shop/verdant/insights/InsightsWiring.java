package shop.verdant.insights;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import shop.verdant.adapter.firehose.FirehoseTransport;
import shop.verdant.adapter.opensearch.OpenSearchHttp;
import shop.verdant.adapter.opensearch.OpenSearchInsights;
import shop.verdant.application.insights.Insights;
import shop.verdant.application.tracking.BufferedDelivery;
import shop.verdant.application.tracking.Tracker;
import shop.verdant.application.tracking.port.BehaviourSink;
import shop.verdant.config.Env;
import shop.verdant.config.Lazy;
import shop.verdant.http.BehaviourSinks;

/** The insights group's adapters, created once per container. */
final class InsightsWiring {
    private InsightsWiring() {
    }

    static final Clock CLOCK = Clock.systemUTC();

    /** Aggregations over the behaviour indices (OPENSEARCH_URL; SigV4 on AWS). */
    static final Supplier<Insights> INSIGHTS = Lazy.memoize(() -> new Insights(new OpenSearchInsights(OpenSearchHttp.fromEnvironment())));

    /**
     * Where order_paid goes: the local shop's delivery when it installed one; on AWS the direct behaviour stream
     * ({@code BEHAVIOUR_STREAM}) through a buffer that the stream consumer flushes before it acknowledges a batch.
     */
    static final Supplier<BehaviourSink> ORDER_EVENTS = Lazy.memoize(() -> BehaviourSinks.installed().orElseGet(() -> {
        String stream = Env.get("BEHAVIOUR_STREAM", null);
        if (stream == null) {
            return BehaviourSink.NONE;
        }
        return new shop.verdant.http.BufferedSink(new BufferedDelivery("order-events",
                new FirehoseTransport(FirehoseTransport.client(), stream),
                BufferedDelivery.Limits.firehose(10_000, Duration.ofMillis(200))));
    }));

    static final Supplier<Tracker> ORDER_TRACKER = Lazy.memoize(() -> new Tracker(ORDER_EVENTS.get()));
}

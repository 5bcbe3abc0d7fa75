package shop.verdant.admin;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.function.Supplier;
import shop.verdant.application.audit.AuditTrail;
import shop.verdant.config.Lazy;
import shop.verdant.contract.Tables;
import shop.verdant.http.ChangeFeedRecords;
import shop.verdant.http.Log;
import shop.verdant.http.Metrics;

/**
 * Follows the change feed of every audited table and writes one audit entry per change. An entry is keyed by the
 * change's feed id, so a retried or replayed batch adds none; a change no shop code stamped (an edit in the console) is
 * recorded as made by {@code unknown:unknown} and counted, never dropped.
 */
public final class RecordAuditHandler implements RequestHandler<KinesisEvent, StreamsEventResponse> {
    private static final Supplier<ChangeFeedRecords> FEED = Lazy.memoize(() -> new ChangeFeedRecords(Tables.AUDITED));

    private final Supplier<AuditTrail> audit;
    private final Metrics metrics;

    public RecordAuditHandler() {
        this(AdminWiring.AUDIT, AdminWiring.METRICS);
    }

    public RecordAuditHandler(Supplier<AuditTrail> audit, Metrics metrics) {
        this.audit = audit;
        this.metrics = metrics;
    }

    @Override
    public StreamsEventResponse handleRequest(KinesisEvent event, Context context) {
        Log.invocation(context == null ? null : context.getAwsRequestId(), "RecordAudit");
        try {
            return FEED.get().apply(event, "an audit entry", change -> {
                audit.get().record(change).ifPresent(entry -> {
                    metrics.count("AuditEntries");
                    if (entry.actor().equals(shop.verdant.domain.audit.Actor.UNKNOWN)) {
                        metrics.count("AuditUnattributed");
                    }
                });
            });
        } finally {
            try {
                metrics.flush();
            } catch (RuntimeException e) {
                Log.warn("metrics not sent", e);
            }
            Log.done();
        }
    }
}

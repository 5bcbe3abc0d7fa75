package shop.verdant.payments;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import shop.verdant.application.payments.Payments;
import shop.verdant.http.Log;
import shop.verdant.http.Metrics;

/**
 * The reconciliation, run by a schedule: payments not final yet and quiet for two minutes (webhooks usually
 * arrive within seconds) are synced with their provider through the webhook's own code path, so a missed or
 * lost delivery is applied anyway; an open intent of an order that can no longer be paid is cancelled.
 */
public final class ReconcilePaymentsHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {
    static final Duration QUIET = Duration.ofMinutes(2);
    static final int LIMIT = 200;
    private final Supplier<Payments> payments;
    private final Metrics metrics;

    public ReconcilePaymentsHandler() {
        this(() -> PaymentsWiring.SERVICES.get().payments(), PaymentsWiring.METRICS);
    }

    public ReconcilePaymentsHandler(Supplier<Payments> payments, Metrics metrics) {
        this.payments = payments;
        this.metrics = metrics;
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        Log.invocation(context == null ? null : context.getAwsRequestId(), "ReconcilePayments");
        // what this invocation writes is on the audit log as made by the reconciler
        shop.verdant.application.audit.Acting.Scope acting = shop.verdant.application.audit.Acting.as(
                shop.verdant.domain.audit.Actor.system("reconciler", context == null ? null : context.getAwsRequestId()));
        try {
            int changed = payments.get().reconcile(QUIET, LIMIT);
            metrics.count("PaymentsReconciled", changed);
            if (changed > 0) {
                Log.info("reconciliation applied what webhooks missed", Map.of("payments", changed));
            }
            return Map.of("changed", changed);
        } finally {
            metrics.flush();
            acting.close();
            Log.done();
        }
    }
}

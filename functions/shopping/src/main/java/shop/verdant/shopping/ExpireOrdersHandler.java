package shop.verdant.shopping;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.Map;
import java.util.function.Supplier;
import shop.verdant.application.shopping.Orders;
import shop.verdant.http.Log;
import shop.verdant.http.Metrics;

/**
 * The expiry sweeper, run every minute by an EventBridge schedule (by a timer in the local shop):
 * releases the stock of unpaid orders whose reservation has ended, in batches, until none is due.
 */
public final class ExpireOrdersHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {
    static final int BATCH = 100;
    static final int MAX_BATCHES = 20;
    private final Supplier<Orders> orders;
    private final Metrics metrics;

    public ExpireOrdersHandler() {
        this(() -> ShoppingWiring.SERVICES.get().orders(), ShoppingWiring.METRICS);
    }

    public ExpireOrdersHandler(Supplier<Orders> orders) {
        this(orders, Metrics.NONE);
    }

    public ExpireOrdersHandler(Supplier<Orders> orders, Metrics metrics) {
        this.orders = orders;
        this.metrics = metrics;
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        Log.invocation(context == null ? null : context.getAwsRequestId(), "ExpireOrders");
        // what this invocation writes is on the audit log as made by the sweeper
        shop.verdant.application.audit.Acting.Scope acting = shop.verdant.application.audit.Acting.as(
                shop.verdant.domain.audit.Actor.system("sweeper", context == null ? null : context.getAwsRequestId()));
        try {
            int expired = sweep();
            metrics.count("OrdersExpired", expired);
            return Map.of("expired", expired);
        } finally {
            metrics.flush();
            acting.close();
            Log.done();
        }
    }

    private int sweep() {
        int expired = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            int n = orders.get().expireDue(BATCH);
            expired += n;
            if (n < BATCH) {
                break;
            }
        }
        if (expired > 0) {
            Log.info("expired unpaid orders", Map.of("expired", expired));
        }
        return expired;
    }
}

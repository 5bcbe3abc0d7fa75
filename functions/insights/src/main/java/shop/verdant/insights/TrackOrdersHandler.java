package shop.verdant.insights;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import shop.verdant.application.tracking.Tracker;
import shop.verdant.application.tracking.port.BehaviourSink;
import shop.verdant.domain.common.Money;
import shop.verdant.domain.tracking.BehaviourEvent;
import shop.verdant.domain.tracking.EventType;
import shop.verdant.domain.tracking.Visit;
import shop.verdant.http.Log;

/**
 * Consumes the Orders stream: an order whose status becomes PAID is one {@code order_paid} event, for the visitor
 * who placed it (the visitor id the order keeps) and its customer. The batch is acknowledged only once the events are
 * delivered (flushed into the direct behaviour stream); otherwise it fails from its first record and Lambda retries
 * it. A retry may deliver an event twice, which the insights do not count twice: they count unique visitors and orders.
 */
public final class TrackOrdersHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    static final Duration DELIVERY = Duration.ofSeconds(5);

    private final Supplier<Tracker> tracker;
    private final Supplier<BehaviourSink> sink;

    public TrackOrdersHandler() {
        this(InsightsWiring.ORDER_TRACKER, InsightsWiring.ORDER_EVENTS);
    }

    public TrackOrdersHandler(Supplier<Tracker> tracker, Supplier<BehaviourSink> sink) {
        this.tracker = tracker;
        this.sink = sink;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        Log.invocation(context == null ? null : context.getAwsRequestId(), "TrackOrders");
        try {
            int paid = 0;
            for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
                BehaviourEvent.OrderEvent detail = paid(record);
                if (detail != null) {
                    Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
                    String customer = s(image, "customerId");
                    String visitor = s(image, "visitorId");
                    // an order placed without a tracked browser still counts, as its customer
                    tracker.get().track(Visit.ofOrder(visitor != null ? visitor : "customer:" + customer, customer), detail);
                    paid++;
                }
            }
            if (paid > 0 && !sink.get().flush(DELIVERY)) {
                String first = event.getRecords().get(0).getDynamodb().getSequenceNumber();
                Log.warn("order_paid events not delivered within " + DELIVERY.toSeconds() + " s; the batch is retried", null);
                return StreamsEventResponse.builder().withBatchItemFailures(List.of(
                        StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(first).build())).build();
            }
            return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
        } finally {
            Log.done();
        }
    }

    /** The order_paid this record means, or null: only a change into PAID is one. */
    static BehaviourEvent.OrderEvent paid(DynamodbEvent.DynamodbStreamRecord record) {
        var change = record.getDynamodb();
        Map<String, AttributeValue> now = change.getNewImage();
        if (now == null || !"PAID".equals(s(now, "status"))) {
            return null;
        }
        Map<String, AttributeValue> before = change.getOldImage();
        if (before != null && "PAID".equals(s(before, "status"))) {
            return null;
        }
        int items = 0;
        AttributeValue lines = now.get("lines");
        if (lines != null && lines.getL() != null) {
            for (AttributeValue line : lines.getL()) {
                AttributeValue q = line.getM() == null ? null : line.getM().get("quantity");
                items += q == null || q.getN() == null ? 0 : Integer.parseInt(q.getN());
            }
        }
        return new BehaviourEvent.OrderEvent(EventType.ORDER_PAID, s(now, "orderId"), items,
                Money.of(Long.parseLong(now.get("totalMinor").getN()), s(now, "currency")));
    }

    private static String s(Map<String, AttributeValue> image, String name) {
        AttributeValue v = image.get(name);
        return v == null ? null : v.getS();
    }
}

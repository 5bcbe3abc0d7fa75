package shop.verdant.catalog;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.util.ArrayList;
import shop.verdant.http.Log;
import java.util.List;
import java.util.Map;
import shop.verdant.application.catalog.FollowStockChanges;

/**
 * Consumes the Products table's stream (DynamoDB Streams on AWS, a poller in the local shop): stock that
 * orders reserve and release, and what merchants change in the back office, reach the product pages and search. A record that fails is
 * reported as the batch's first failure, so Lambda retries from it and nothing after it is lost.
 */
public final class FollowStockChangesHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final FollowStockChanges follow;

    public FollowStockChangesHandler() {
        this(CatalogWiring.FOLLOW_STOCK);
    }

    public FollowStockChangesHandler(FollowStockChanges follow) {
        this.follow = follow;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        Log.invocation(context == null ? null : context.getAwsRequestId(), "FollowStockChanges");
        try {
            return apply(event);
        } finally {
            Log.done();
        }
    }

    private StreamsEventResponse apply(DynamodbEvent event) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            try {
                follow.apply(change(record));
            } catch (RuntimeException e) {
                Log.warn("stock change not applied, retried from record " + record.getDynamodb().getSequenceNumber(), e);
                failures.add(StreamsEventResponse.BatchItemFailure.builder()
                        .withItemIdentifier(record.getDynamodb().getSequenceNumber()).build());
                break;
            }
        }
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
    }

    static FollowStockChanges.Change change(DynamodbEvent.DynamodbStreamRecord record) {
        var stream = record.getDynamodb();
        String productId = stream.getKeys().get("productId").getS();
        return new FollowStockChanges.Change(productId, available(stream.getOldImage()), available(stream.getNewImage()),
                listingChanged(stream.getOldImage(), stream.getNewImage()));
    }

    /**
     * Whether what shoppers see changed: a new product, or one whose listing revision or status moved (the back office
     * adds one to {@code revision} on every listing change; orders and stock moves never touch it).
     */
    static boolean listingChanged(Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        if (after == null) {
            return false;
        }
        if (before == null) {
            return true;
        }
        return !java.util.Objects.equals(text(before, "revision"), text(after, "revision"))
                || !java.util.Objects.equals(text(before, "status"), text(after, "status"));
    }

    private static String text(Map<String, AttributeValue> image, String name) {
        AttributeValue v = image.get(name);
        return v == null ? null : v.getN() != null ? v.getN() : v.getS();
    }

    /** What an image says is available; null without an image (before an INSERT, after a REMOVE). */
    private static Long available(Map<String, AttributeValue> image) {
        if (image == null) {
            return null;
        }
        AttributeValue v = image.get("stockAvailable");
        return v == null || v.getN() == null ? 0L : Long.parseLong(v.getN());
    }
}

package shop.verdant.catalog;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.List;
import shop.verdant.http.Log;

/**
 * A consumer of the Categories or the Brands stream: any change in a batch (an admin's) has the read side follow, once
 * per batch. A failure retries the whole batch (doing it twice is harmless).
 */
abstract class FollowCatalogShape implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final String name;
    private final Runnable follow;

    FollowCatalogShape(String name, Runnable follow) {
        this.name = name;
        this.follow = follow;
    }

    @Override
    public final StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        Log.invocation(context == null ? null : context.getAwsRequestId(), name);
        try {
            if (event.getRecords() != null && !event.getRecords().isEmpty()) {
                follow.run();
            }
            return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
        } catch (RuntimeException e) {
            Log.warn(name + " failed, retried", e);
            String first = event.getRecords().get(0).getDynamodb().getSequenceNumber();
            return StreamsEventResponse.builder().withBatchItemFailures(List.of(
                    StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(first).build())).build();
        } finally {
            Log.done();
        }
    }
}

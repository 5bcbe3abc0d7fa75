package shop.verdant.catalog;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.List;
import shop.verdant.application.catalog.FollowCategoryChanges;
import shop.verdant.http.Log;

/**
 * Follows the Categories stream: any change of the tree (an admin created, renamed, moved or deleted a category) evicts
 * the cached tree and has search reload, once per batch. A failure retries the whole batch (doing it twice is harmless).
 */
public final class FollowCategoryChangesHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final FollowCategoryChanges follow;

    public FollowCategoryChangesHandler() {
        this(CatalogWiring.FOLLOW_CATEGORIES);
    }

    public FollowCategoryChangesHandler(FollowCategoryChanges follow) {
        this.follow = follow;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        Log.invocation(context == null ? null : context.getAwsRequestId(), "FollowCategoryChanges");
        try {
            if (event.getRecords() != null && !event.getRecords().isEmpty()) {
                follow.treeChanged();
            }
            return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
        } catch (RuntimeException e) {
            Log.warn("category tree change not followed, retried", e);
            String first = event.getRecords().get(0).getDynamodb().getSequenceNumber();
            return StreamsEventResponse.builder().withBatchItemFailures(List.of(
                    StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(first).build())).build();
        } finally {
            Log.done();
        }
    }
}

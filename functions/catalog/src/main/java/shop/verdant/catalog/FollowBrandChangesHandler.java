package shop.verdant.catalog;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.List;
import shop.verdant.application.catalog.FollowCategoryChanges;
import shop.verdant.http.Log;

/**
 * Follows the Brands stream: any change of a brand (an admin created, renamed, retired or brought one back) evicts
 * the cached brand list and has search reload, once per batch. A failure retries the whole batch (doing it twice is harmless).
 */
public final class FollowBrandChangesHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final FollowCategoryChanges follow;

    public FollowBrandChangesHandler() {
        this(CatalogWiring.FOLLOW_CATEGORIES);
    }

    public FollowBrandChangesHandler(FollowCategoryChanges follow) {
        this.follow = follow;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        Log.invocation(context == null ? null : context.getAwsRequestId(), "FollowBrandChanges");
        try {
            if (event.getRecords() != null && !event.getRecords().isEmpty()) {
                follow.brandsChanged();
            }
            return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
        } catch (RuntimeException e) {
            Log.warn("brand change not followed, retried", e);
            String first = event.getRecords().get(0).getDynamodb().getSequenceNumber();
            return StreamsEventResponse.builder().withBatchItemFailures(List.of(
                    StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(first).build())).build();
        } finally {
            Log.done();
        }
    }
}

package shop.verdant.media;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.function.Supplier;
import shop.verdant.adapter.dynamodb.StreamImages;
import shop.verdant.http.Log;
import shop.verdant.http.StreamBatch;

/**
 * Follows the Products stream: the renditions of a picture a product no longer has (taken off by its merchant, or the
 * product deleted) are removed from the bucket. Removing twice is harmless, so a retried batch changes nothing.
 */
public final class PruneImagesHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final Supplier<MediaWiring.Services> services;

    public PruneImagesHandler() {
        this(MediaWiring.SERVICES);
    }

    public PruneImagesHandler(Supplier<MediaWiring.Services> services) {
        this.services = services;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        Log.invocation(context == null ? null : context.getAwsRequestId(), "PruneImages");
        try {
            return StreamBatch.apply(event, "a product's pictures", record -> {
                var before = StreamImages.productImages(record.getDynamodb().getOldImage());
                if (!before.isEmpty()) {
                    services.get().prune().prune(before, StreamImages.productImages(record.getDynamodb().getNewImage()));
                }
            });
        } finally {
            Log.done();
        }
    }
}

package shop.verdant.merchant;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.function.Supplier;
import shop.verdant.adapter.dynamodb.StreamImages;
import shop.verdant.http.Log;
import shop.verdant.http.StreamBatch;

/**
 * Consumes the Imports stream: a job that became QUEUED, or whose last chunk was just recorded, runs its next chunk.
 * A chunk that fails (a fault, not a bad row: those are counted) is the batch's first failure, so Lambda retries it;
 * after the retries its record lands in the failure queue (alarmed) and the job shows as stalled.
 */
public final class RunImportChunksHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final Supplier<MerchantWiring.Services> services;

    public RunImportChunksHandler() {
        this(MerchantWiring.SERVICES);
    }

    public RunImportChunksHandler(Supplier<MerchantWiring.Services> services) {
        this.services = services;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        Log.invocation(context == null ? null : context.getAwsRequestId(), "RunImportChunks");
        // what this invocation writes is on the audit log as made by the import
        shop.verdant.application.audit.Acting.Scope acting = shop.verdant.application.audit.Acting.as(
                shop.verdant.domain.audit.Actor.system("import", context == null ? null : context.getAwsRequestId()));
        try {
            return StreamBatch.apply(event, "an import chunk", record -> {
                var before = StreamImages.importJob(record.getDynamodb().getOldImage());
                var after = StreamImages.importJob(record.getDynamodb().getNewImage());
                boolean moved = after != null && (after.status().equals("QUEUED") || after.status().equals("RUNNING"))
                        && (before == null || !before.status().equals(after.status()) || before.nextChunk() != after.nextChunk());
                if (moved) {
                    services.get().imports().runChunk(after.importId(), after.nextChunk());
                }
            });
        } finally {
            acting.close();
            Log.done();
        }
    }
}

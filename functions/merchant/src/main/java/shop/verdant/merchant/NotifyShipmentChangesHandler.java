package shop.verdant.merchant;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import shop.verdant.adapter.dynamodb.StreamImages;
import shop.verdant.http.Log;

/**
 * Consumes the Shipments stream: a parcel that became SHIPPED or DELIVERED is an email to its customer, once (the
 * notice log). A record that fails (SES refused or was unreachable) is the batch's first failure, so Lambda retries from
 * it and nothing after it is lost.
 */
public final class NotifyShipmentChangesHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final Supplier<MerchantWiring.Services> services;

    public NotifyShipmentChangesHandler() {
        this(MerchantWiring.SERVICES);
    }

    public NotifyShipmentChangesHandler(Supplier<MerchantWiring.Services> services) {
        this.services = services;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        Log.invocation(context == null ? null : context.getAwsRequestId(), "NotifyShipmentChanges");
        try {
            List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
            for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
                try {
                    var change = record.getDynamodb();
                    services.get().notices().shipmentChanged(StreamImages.shipment(change.getOldImage()),
                            StreamImages.shipment(change.getNewImage()));
                } catch (RuntimeException e) {
                    Log.warn("shipment notice not sent, retried from record " + record.getDynamodb().getSequenceNumber(), e);
                    failures.add(StreamsEventResponse.BatchItemFailure.builder()
                            .withItemIdentifier(record.getDynamodb().getSequenceNumber()).build());
                    break;
                }
            }
            return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
        } finally {
            Log.done();
        }
    }
}

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
            return StreamBatch.apply(event, "a shipment notice", record -> {
                services.get().notices().shipmentChanged(StreamImages.shipment(record.getDynamodb().getOldImage()),
                        StreamImages.shipment(record.getDynamodb().getNewImage()));
            });
        } finally {
            Log.done();
        }
    }
}

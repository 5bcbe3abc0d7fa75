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
 * Consumes the Orders stream into the merchants' daily sales: a sale (PAID, or CONFIRMED for cash on delivery) and
 * each refund, counted once per order change (the ledger's markers make a redelivered record a no-op). A record that
 * fails is reported as the batch's first failure, so Lambda retries from it and nothing after it is lost.
 */
public final class KeepSalesLedgerHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final Supplier<MerchantWiring.Services> services;

    public KeepSalesLedgerHandler() {
        this(MerchantWiring.SERVICES);
    }

    public KeepSalesLedgerHandler(Supplier<MerchantWiring.Services> services) {
        this.services = services;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        Log.invocation(context == null ? null : context.getAwsRequestId(), "KeepSalesLedger");
        try {
            List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
            for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
                try {
                    var change = record.getDynamodb();
                    services.get().sales().record(StreamImages.order(change.getOldImage()), StreamImages.order(change.getNewImage()));
                } catch (RuntimeException e) {
                    Log.warn("sales not recorded, retried from record " + record.getDynamodb().getSequenceNumber(), e);
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

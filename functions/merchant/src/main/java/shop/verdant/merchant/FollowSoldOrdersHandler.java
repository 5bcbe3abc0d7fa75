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
 * Consumes the Orders stream for what follows a sale: each sale (PAID, or CONFIRMED for cash on delivery) and refund
 * counted into its merchants' daily sales, and the customer's confirmation email; each once per order change (the
 * ledger's markers and the notice log make a redelivered record a no-op). A record that fails is reported as the
 * batch's first failure, so Lambda retries from it and nothing after it is lost.
 */
public final class FollowSoldOrdersHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final Supplier<MerchantWiring.Services> services;

    public FollowSoldOrdersHandler() {
        this(MerchantWiring.SERVICES);
    }

    public FollowSoldOrdersHandler(Supplier<MerchantWiring.Services> services) {
        this.services = services;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        Log.invocation(context == null ? null : context.getAwsRequestId(), "FollowSoldOrders");
        try {
            return StreamBatch.apply(event, "following up a sale", record -> {
                var before = StreamImages.order(record.getDynamodb().getOldImage());
                var after = StreamImages.order(record.getDynamodb().getNewImage());
                services.get().sales().record(before, after);
                services.get().notices().orderChanged(before, after);
            });
        } finally {
            Log.done();
        }
    }
}

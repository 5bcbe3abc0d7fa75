package shop.verdant.http;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.List;
import java.util.function.Consumer;

/**
 * How a table-stream consumer takes its batch: each record in order; the first that fails is reported as the
 * batch's item failure (Lambda's ReportBatchItemFailures), so Lambda retries from it and nothing after it is lost or
 * applied out of order.
 */
public final class StreamBatch {
    private StreamBatch() {
    }

    /** Applies {@code each} to the records; {@code what} names the work in the warning a failure logs. */
    public static StreamsEventResponse apply(DynamodbEvent event, String what, Consumer<DynamodbEvent.DynamodbStreamRecord> each) {
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            try {
                each.accept(record);
            } catch (RuntimeException e) {
                String sequence = record.getDynamodb().getSequenceNumber();
                Log.warn(what + " failed, retried from record " + sequence, e);
                return StreamsEventResponse.builder().withBatchItemFailures(List.of(
                        StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(sequence).build())).build();
            }
        }
        return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
    }
}

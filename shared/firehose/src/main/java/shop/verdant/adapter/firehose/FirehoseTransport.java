package shop.verdant.adapter.firehose;

import java.util.ArrayList;
import java.util.List;
import shop.verdant.adapter.aws.AwsClients;
import shop.verdant.application.tracking.port.RecordTransport;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponse;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponseEntry;
import software.amazon.awssdk.services.firehose.model.Record;

/**
 * One PutRecordBatch per batch into a delivery stream. Firehose answers per record: those with an error code
 * ({@code FailedPutCount} of them; ServiceUnavailableException, InternalFailure) are handed back to be sent again,
 * never the whole batch. A request Firehose refused as a whole (throttled, unreachable) throws, and
 * {@link shop.verdant.application.tracking.BufferedDelivery} sends it again after a backoff. Batching within
 * PutRecordBatch's limits (500 records, 4 MiB, 1,000 KiB a record) is BufferedDelivery's, with
 * {@code Limits.firehose}.
 */
public final class FirehoseTransport implements RecordTransport {
    private final FirehoseClient client;
    private final String stream;

    public FirehoseTransport(FirehoseClient client, String stream) {
        this.client = client;
        this.stream = stream;
    }

    /** The client for Lambda (or {@code FIREHOSE_ENDPOINT}, for moto in tests). */
    public static FirehoseClient client() {
        return builder().build();
    }

    /**
     * Configured as every client of the shop, with the regional endpoint named: this firehose module (2.51, the newest
     * the mirror serves) predates the core's endpoint resolution and would look for the per-service metadata the jars
     * leave out.
     */
    public static software.amazon.awssdk.services.firehose.FirehoseClientBuilder builder() {
        var builder = AwsClients.configure(FirehoseClient.builder(), "FIREHOSE_ENDPOINT");
        if (shop.verdant.config.Env.get("FIREHOSE_ENDPOINT", null) == null) {
            String region = shop.verdant.config.Env.get("AWS_REGION", "us-east-1");
            builder.endpointOverride(java.net.URI.create("https://firehose." + region + ".amazonaws.com"
                    + (region.startsWith("cn-") ? ".cn" : "")));
        }
        return builder;
    }

    @Override
    public Result send(List<byte[]> batch) {
        List<Record> records = new ArrayList<>(batch.size());
        for (byte[] b : batch) {
            // one JSON document per record; the newline keeps records apart in the S3 backup
            byte[] line = new byte[b.length + 1];
            System.arraycopy(b, 0, line, 0, b.length);
            line[b.length] = '\n';
            records.add(Record.builder().data(SdkBytes.fromByteArrayUnsafe(line)).build());
        }
        PutRecordBatchResponse response = client.putRecordBatch(r -> r.deliveryStreamName(stream).records(records));
        if (response.failedPutCount() == null || response.failedPutCount() == 0) {
            return Result.ALL_DELIVERED;
        }
        List<Integer> retry = new ArrayList<>();
        List<PutRecordBatchResponseEntry> entries = response.requestResponses();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).errorCode() != null) {
                retry.add(i);
            }
        }
        return new Result(retry, 0);
    }
}

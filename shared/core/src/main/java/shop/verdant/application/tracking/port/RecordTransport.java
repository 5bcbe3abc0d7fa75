package shop.verdant.application.tracking.port;

import java.util.List;

/**
 * Sends one batch of records (Firehose's PutRecordBatch, OpenSearch's bulk API). A batch the transport could not
 * send at all throws; a batch partly refused answers which records may be sent again and how many were refused
 * for good (a document the index can never take: Firehose puts those in the S3 backup).
 */
public interface RecordTransport {
    Result send(List<byte[]> batch) throws Exception;

    /** {@code retry}: indexes into the batch worth sending again; {@code rejected}: records refused for good. */
    record Result(List<Integer> retry, int rejected) {
        public static final Result ALL_DELIVERED = new Result(List.of(), 0);

        public Result {
            retry = List.copyOf(retry);
        }
    }
}

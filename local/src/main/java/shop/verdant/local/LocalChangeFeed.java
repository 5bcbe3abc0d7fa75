package shop.verdant.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kinesis Data Streams for DynamoDB, as far as the local shop needs it: a table's changes (read from its DynamoDB Local
 * stream by a {@link StreamPoller}) handed to a change-feed function as Kinesis records in the JSON AWS writes
 * ({@code tableName}, {@code eventName}, {@code eventID}, {@code dynamodb} with the images in DynamoDB JSON), so the
 * function parses exactly what it parses on AWS. A failure it reports is re-delivered from that record.
 */
final class LocalChangeFeed implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final String table;
    private final RequestHandler<KinesisEvent, StreamsEventResponse> target;

    LocalChangeFeed(String table, RequestHandler<KinesisEvent, StreamsEventResponse> target) {
        this.table = table;
        this.target = target;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, com.amazonaws.services.lambda.runtime.Context context) {
        List<KinesisEvent.KinesisEventRecord> records = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord r : event.getRecords()) {
            records.add(record(r));
        }
        KinesisEvent kinesis = new KinesisEvent();
        kinesis.setRecords(records);
        // the sequence numbers are the table stream's, so a reported failure points the poller at the same record
        return target.handleRequest(kinesis, new LocalContext("feed", "RecordAudit"));
    }

    private KinesisEvent.KinesisEventRecord record(DynamodbEvent.DynamodbStreamRecord r) {
        var s = r.getDynamodb();
        Map<String, Object> ddb = new LinkedHashMap<>();
        ddb.put("ApproximateCreationDateTime", micros(s.getApproximateCreationDateTime(), s.getSequenceNumber()));
        ddb.put("Keys", json(s.getKeys()));
        if (s.getNewImage() != null) {
            ddb.put("NewImage", json(s.getNewImage()));
        }
        if (s.getOldImage() != null) {
            ddb.put("OldImage", json(s.getOldImage()));
        }
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("awsRegion", "local");
        change.put("eventID", r.getEventID());
        change.put("eventName", r.getEventName());
        change.put("userIdentity", r.getUserIdentity() == null ? null
                : Map.of("type", r.getUserIdentity().getType(), "principalId", r.getUserIdentity().getPrincipalId()));
        change.put("recordFormat", "application/json");
        change.put("tableName", table);
        change.put("dynamodb", ddb);
        change.put("eventSource", "aws:dynamodb");
        KinesisEvent.Record data = new KinesisEvent.Record();
        try {
            data.setData(ByteBuffer.wrap(MAPPER.writeValueAsBytes(change)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        data.setSequenceNumber(s.getSequenceNumber());
        data.setPartitionKey(r.getEventID());
        KinesisEvent.KinesisEventRecord out = new KinesisEvent.KinesisEventRecord();
        out.setEventSource("aws:kinesis");
        out.setEventName("aws:kinesis:record");
        out.setKinesis(data);
        return out;
    }

    /**
     * The change's time in microseconds, as a table set to that precision writes it. DynamoDB Local gives whole seconds
     * only; the stream's sequence number (increasing) orders the changes within a second, so two changes of an item in
     * one second keep their order. The same record always gives the same time, as a replay must.
     */
    static long micros(java.util.Date approximate, String sequenceNumber) {
        long seconds = (approximate == null ? System.currentTimeMillis() : approximate.getTime()) / 1000;
        long within = 0;
        try {
            within = new java.math.BigInteger(sequenceNumber).mod(java.math.BigInteger.valueOf(1_000_000)).longValue();
        } catch (RuntimeException notANumber) {
            // keep the whole second
        }
        return seconds * 1_000_000 + within;
    }

    private static Map<String, Object> json(Map<String, AttributeValue> image) {
        Map<String, Object> out = new LinkedHashMap<>();
        image.forEach((k, v) -> out.put(k, json(v)));
        return out;
    }

    private static Map<String, Object> json(AttributeValue v) {
        if (v.getS() != null) {
            return Map.of("S", v.getS());
        } else if (v.getN() != null) {
            return Map.of("N", v.getN());
        } else if (v.getBOOL() != null) {
            return Map.of("BOOL", v.getBOOL());
        } else if (Boolean.TRUE.equals(v.getNULL())) {
            return Map.of("NULL", true);
        } else if (v.getM() != null) {
            return Map.of("M", json(v.getM()));
        } else if (v.getL() != null) {
            return Map.of("L", v.getL().stream().map(LocalChangeFeed::json).toList());
        } else if (v.getSS() != null) {
            return Map.of("SS", v.getSS());
        } else if (v.getNS() != null) {
            return Map.of("NS", v.getNS());
        }
        return Map.of("NULL", true);
    }
}

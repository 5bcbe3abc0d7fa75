package shop.verdant.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Lambda's DynamoDB Streams event source, as far as the local shop needs it: reads a table's stream in
 * DynamoDB Local (every shard, following splits), hands each batch to the handler as a {@link DynamodbEvent}
 * and, like Lambda with ReportBatchItemFailures, re-delivers from the first failed record.
 */
final class StreamPoller implements AutoCloseable {
    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final RequestHandler<DynamodbEvent, StreamsEventResponse> handler;
    private final Map<String, String> iterators = new ConcurrentHashMap<>();
    private final Set<String> finished = ConcurrentHashMap.newKeySet();
    private final Map<String, String> lastHandled = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    StreamPoller(String endpoint, DynamoDbClient dynamo, String table, RequestHandler<DynamodbEvent, StreamsEventResponse> handler) {
        this.streams = DynamoDbStreamsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
        this.streamArn = dynamo.describeTable(b -> b.tableName(table)).table().latestStreamArn();
        this.handler = handler;
        // start at the stream's end: what came before is already in the snapshot rebuilt at start
        for (Shard shard : shards()) {
            if (shard.sequenceNumberRange().endingSequenceNumber() == null) {
                iterators.put(shard.shardId(), iterator(shard.shardId(), ShardIteratorType.LATEST));
            } else {
                finished.add(shard.shardId());
            }
        }
        this.thread = new Thread(this::loop, "stream-" + table);
        thread.setDaemon(true);
        thread.start();
    }

    private List<Shard> shards() {
        return streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards();
    }

    private String iterator(String shardId, ShardIteratorType type) {
        return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId).shardIteratorType(type)).shardIterator();
    }

    private void loop() {
        while (running) {
            try {
                boolean any = false;
                for (Map.Entry<String, String> e : List.copyOf(iterators.entrySet())) {
                    any |= poll(e.getKey(), e.getValue());
                }
                discoverChildren();
                if (!any) {
                    Thread.sleep(200);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (running) {
                    System.err.println("stream poll failed (retried): " + e);
                    sleepQuietly(1000);
                }
            }
        }
    }

    private boolean poll(String shardId, String iterator) {
        software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse response;
        try {
            response = streams.getRecords(b -> b.shardIterator(iterator).limit(100));
        } catch (software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException
                 | software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException e) {
            // DynamoDB Local refuses a LATEST iterator taken while the shard was empty once records arrive (and
            // iterators expire): continue after the last record handled, or from the shard's start if none was
            String last = lastHandled.get(shardId);
            iterators.put(shardId, last != null
                    ? streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId)
                            .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(last)).shardIterator()
                    : iterator(shardId, ShardIteratorType.TRIM_HORIZON));
            return false;
        }
        var records = response.records();
        if (!records.isEmpty()) {
            DynamodbEvent event = new DynamodbEvent();
            List<DynamodbEvent.DynamodbStreamRecord> converted = new ArrayList<>();
            for (var r : records) {
                converted.add(convert(r));
            }
            event.setRecords(converted);
            StreamsEventResponse answer = handler.handleRequest(event, null);
            if (answer != null && answer.getBatchItemFailures() != null && !answer.getBatchItemFailures().isEmpty()) {
                String failed = answer.getBatchItemFailures().get(0).getItemIdentifier();
                iterators.put(shardId, streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId)
                        .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber(failed)).shardIterator());
                sleepQuietly(500);
                return false;
            }
        }
        if (!records.isEmpty()) {
            lastHandled.put(shardId, records.get(records.size() - 1).dynamodb().sequenceNumber());
        }
        if (response.nextShardIterator() == null) {
            iterators.remove(shardId);
            finished.add(shardId);
        } else {
            iterators.put(shardId, response.nextShardIterator());
        }
        return !records.isEmpty();
    }

    /** A closed shard's children start at their beginning, so nothing written across a split is missed. */
    private void discoverChildren() {
        if (iterators.size() > 0 && finished.isEmpty()) {
            return;
        }
        for (Shard shard : shards()) {
            if (!iterators.containsKey(shard.shardId()) && !finished.contains(shard.shardId())
                    && (shard.parentShardId() == null || finished.contains(shard.parentShardId()))) {
                iterators.put(shard.shardId(), iterator(shard.shardId(), ShardIteratorType.TRIM_HORIZON));
            }
        }
    }

    static DynamodbEvent.DynamodbStreamRecord convert(software.amazon.awssdk.services.dynamodb.model.Record r) {
        var s = r.dynamodb();
        StreamRecord record = new StreamRecord()
                .withKeys(convert(s.keys()))
                .withSequenceNumber(s.sequenceNumber())
                .withApproximateCreationDateTime(s.approximateCreationDateTime() == null ? null
                        : java.util.Date.from(s.approximateCreationDateTime()))
                .withStreamViewType(com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.fromValue(s.streamViewTypeAsString()));
        if (s.hasNewImage()) {
            record.setNewImage(convert(s.newImage()));
        }
        if (s.hasOldImage()) {
            record.setOldImage(convert(s.oldImage()));
        }
        DynamodbEvent.DynamodbStreamRecord out = new DynamodbEvent.DynamodbStreamRecord();
        out.setEventID(r.eventID());
        out.setEventName(r.eventNameAsString());
        out.setEventSource("aws:dynamodb");
        out.setDynamodb(record);
        if (r.userIdentity() != null) {
            out.setUserIdentity(new com.amazonaws.services.lambda.runtime.events.models.dynamodb.Identity()
                    .withType(r.userIdentity().type()).withPrincipalId(r.userIdentity().principalId()));
        }
        return out;
    }

    private static Map<String, AttributeValue> convert(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> in) {
        Map<String, AttributeValue> out = new HashMap<>();
        in.forEach((k, v) -> out.put(k, convert(v)));
        return out;
    }

    private static AttributeValue convert(software.amazon.awssdk.services.dynamodb.model.AttributeValue v) {
        AttributeValue a = new AttributeValue();
        if (v.s() != null) {
            a.setS(v.s());
        } else if (v.n() != null) {
            a.setN(v.n());
        } else if (v.bool() != null) {
            a.setBOOL(v.bool());
        } else if (Boolean.TRUE.equals(v.nul())) {
            a.setNULL(true);
        } else if (v.hasM()) {
            a.setM(convert(v.m()));
        } else if (v.hasL()) {
            a.setL(v.l().stream().map(StreamPoller::convert).toList());
        } else if (v.hasSs()) {
            a.setSS(v.ss());
        } else if (v.hasNs()) {
            a.setNS(v.ns());
        }
        return a;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(2000);
        streams.close();
    }
}

package shop.verdant.http;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import shop.verdant.config.Env;
import shop.verdant.contract.TableSpec;
import shop.verdant.domain.audit.ChangeRecord;

/**
 * The change feed as a function reads it: Kinesis records, each a DynamoDB change in Kinesis Data Streams for DynamoDB's
 * JSON ({@code tableName}, {@code eventName}, {@code eventID}, {@code dynamodb.Keys/NewImage/OldImage}, the creation time
 * in milliseconds or microseconds, {@code userIdentity} for TTL removals), turned into {@link ChangeRecord}s with plain
 * values. Records of tables it was not told about are skipped with a warning (none should come).
 */
public final class ChangeFeedRecords {
    /** A table of the feed: the name its records carry, its spec (for the key) and the entity name of its items. */
    private record Source(TableSpec spec, String entity) {
    }

    private final Map<String, Source> byName;

    /** {@code tables}: spec → entity name; each table's name comes from its spec's environment variable. */
    public ChangeFeedRecords(Map<TableSpec, String> tables) {
        Map<String, Source> m = new HashMap<>();
        tables.forEach((spec, entity) -> m.put(Env.require(spec.envVar()), new Source(spec, entity)));
        this.byName = Map.copyOf(m);
    }

    /**
     * Applies {@code each} to the batch's changes in order; the first record that fails is reported (Lambda retries from
     * it, so nothing after it is applied out of order), as for a table stream.
     */
    public StreamsEventResponse apply(KinesisEvent event, String what, Consumer<ChangeRecord> each) {
        for (KinesisEvent.KinesisEventRecord record : event.getRecords()) {
            String sequence = record.getKinesis().getSequenceNumber();
            try {
                ChangeRecord change = parse(record);
                if (change != null) {
                    each.accept(change);
                }
            } catch (RuntimeException e) {
                Log.warn(what + " failed, retried from record " + sequence, e);
                return StreamsEventResponse.builder().withBatchItemFailures(List.of(
                        StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(sequence).build())).build();
            }
        }
        return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
    }

    ChangeRecord parse(KinesisEvent.KinesisEventRecord record) {
        JsonNode root;
        try {
            var data = record.getKinesis().getData().asReadOnlyBuffer();
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            root = Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("a change-feed record that is not JSON", e);
        }
        Source source = byName.get(root.path("tableName").asText());
        if (source == null) {
            Log.warn("a change of table " + root.path("tableName").asText() + ", which this feed does not follow", null);
            return null;
        }
        JsonNode ddb = root.path("dynamodb");
        Map<String, Object> keys = image(ddb.path("Keys"));
        String id = String.valueOf(keys.get(source.spec().partitionKey().name()));
        if (source.spec().sortKey() != null) {
            id = id + "/" + keys.get(source.spec().sortKey().name());
        }
        JsonNode identity = root.path("userIdentity");
        boolean expired = "Service".equals(identity.path("type").asText()) && "dynamodb.amazonaws.com".equals(identity.path("principalId").asText());
        return new ChangeRecord(source.entity(), id, ChangeRecord.Kind.valueOf(root.path("eventName").asText()),
                root.path("eventID").asText(), time(ddb.path("ApproximateCreationDateTime")),
                ddb.has("OldImage") ? image(ddb.path("OldImage")) : null, ddb.has("NewImage") ? image(ddb.path("NewImage")) : null,
                expired);
    }

    /** Milliseconds since the epoch, or microseconds when the table was set to that precision. */
    static Instant time(JsonNode n) {
        long v = n.asLong();
        return v > 100_000_000_000_000L ? Instant.ofEpochSecond(v / 1_000_000, (v % 1_000_000) * 1000) : Instant.ofEpochMilli(v);
    }

    static Map<String, Object> image(JsonNode attributes) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = attributes.fields(); it.hasNext(); ) {
            var e = it.next();
            out.put(e.getKey(), value(e.getValue()));
        }
        return out;
    }

    /** One DynamoDB-JSON value ({@code {"S": "x"}}, {@code {"N": "12"}}, ...) as a plain one; sets come sorted. */
    static Object value(JsonNode v) {
        var it = v.fields();
        if (!it.hasNext()) {
            return null;
        }
        var e = it.next();
        JsonNode x = e.getValue();
        return switch (e.getKey()) {
            case "S" -> x.asText();
            case "N" -> new BigDecimal(x.asText());
            case "BOOL" -> x.asBoolean();
            case "NULL" -> null;
            case "M" -> image(x);
            case "L" -> {
                List<Object> l = new ArrayList<>();
                x.forEach(i -> l.add(value(i)));
                yield l;
            }
            case "SS" -> {
                List<Object> l = new ArrayList<>();
                x.forEach(i -> l.add(i.asText()));
                l.sort(null);
                yield l;
            }
            case "NS" -> {
                List<BigDecimal> l = new ArrayList<>();
                x.forEach(i -> l.add(new BigDecimal(i.asText())));
                l.sort(null);
                yield new ArrayList<Object>(l);
            }
            case "B" -> "(binary, " + x.asText().length() + " base64 characters)";
            default -> "(" + e.getKey() + ")";
        };
    }
}

package shop.verdant.adapter.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import shop.verdant.application.tracking.port.RecordTransport;

/**
 * Delivers a batch of JSON documents with one bulk request into {@code <prefix>-yyyy-MM-dd} (UTC, the day of
 * delivery), as Firehose's OpenSearch destination does with daily index rotation. An item OpenSearch answered 429
 * or 5xx is worth retrying; any other refusal (a document the strict mapping does not take) is rejected for good.
 */
public final class OpenSearchBulk implements RecordTransport {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final OpenSearchHttp http;
    private final String prefix;
    private final Clock clock;

    public OpenSearchBulk(OpenSearchHttp http, String prefix, Clock clock) {
        this.http = http;
        this.prefix = prefix;
        this.clock = clock;
    }

    /** The index a record delivered now goes to. */
    public String indexNow() {
        return prefix + "-" + DAY.format(clock.instant());
    }

    @Override
    public Result send(List<byte[]> batch) {
        String action = "{\"index\":{\"_index\":\"" + indexNow() + "\"}}\n";
        StringBuilder body = new StringBuilder(batch.size() * 400);
        for (byte[] record : batch) {
            body.append(action).append(new String(record, StandardCharsets.UTF_8).replace('\n', ' ')).append('\n');
        }
        JsonNode answer = http.send("POST", "_bulk", body.toString(), "application/x-ndjson", false);
        if (!answer.path("errors").asBoolean(false)) {
            return Result.ALL_DELIVERED;
        }
        List<Integer> retry = new ArrayList<>();
        int rejected = 0;
        JsonNode items = answer.path("items");
        for (int i = 0; i < items.size(); i++) {
            int status = items.get(i).path("index").path("status").asInt(500);
            if (status == 429 || status >= 500) {
                retry.add(i);
            } else if (status >= 300) {
                rejected++;
            }
        }
        return new Result(retry, rejected);
    }
}

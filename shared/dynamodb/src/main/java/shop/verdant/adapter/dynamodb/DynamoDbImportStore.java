package shop.verdant.adapter.dynamodb;

import static shop.verdant.adapter.dynamodb.Attr.l;
import static shop.verdant.adapter.dynamodb.Attr.m;
import static shop.verdant.adapter.dynamodb.Attr.n;
import static shop.verdant.adapter.dynamodb.Attr.num;
import static shop.verdant.adapter.dynamodb.Attr.s;
import static shop.verdant.adapter.dynamodb.Attr.str;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import shop.verdant.application.backoffice.port.ImportStore;
import shop.verdant.domain.backoffice.ImportRow;
import shop.verdant.domain.backoffice.ProductForm;
import shop.verdant.domain.backoffice.RowError;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Imports and ImportRows: a job item (counts, status, the next chunk) and its rows, 100 to a chunk item; the
 * validation report in chunk -1 (at most {@link #MAX_REPORTED} errors kept), the run's errors appended to the job.
 * Everything expires 30 days after the upload.
 */
public final class DynamoDbImportStore implements ImportStore {
    static final Duration KEPT = Duration.ofDays(30);
    static final int MAX_REPORTED = 2_000;

    private final DynamoDbClient client;
    private final String imports;
    private final String rows;

    public DynamoDbImportStore(DynamoDbClient client, String imports, String rows) {
        this.client = client;
        this.imports = imports;
        this.rows = rows;
    }

    @Override
    public void create(Job job, List<List<ImportRow>> chunks, List<RowError> errors) {
        long ttl = job.createdAt().plus(KEPT).getEpochSecond();
        List<WriteRequest> writes = new ArrayList<>();
        for (int c = 0; c < chunks.size(); c++) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("importId", s(job.importId()));
            item.put("chunk", n(c));
            item.put("rows", l(chunks.get(c).stream().map(DynamoDbImportStore::row).toList()));
            item.put("ttl", n(ttl));
            writes.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
        }
        Map<String, AttributeValue> report = new HashMap<>();
        report.put("importId", s(job.importId()));
        report.put("chunk", n(-1));
        report.put("errors", l(errors.stream().limit(MAX_REPORTED).map(DynamoDbImportStore::error).toList()));
        report.put("ttl", n(ttl));
        writes.add(WriteRequest.builder().putRequest(p -> p.item(report)).build());
        for (int i = 0; i < writes.size(); i += 25) {
            Map<String, List<WriteRequest>> pending = Map.of(rows, writes.subList(i, Math.min(writes.size(), i + 25)));
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt > 20) {
                    throw new IllegalStateException("DynamoDB kept the import's rows unprocessed");
                }
                Map<String, List<WriteRequest>> ask = pending;
                pending = client.batchWriteItem(b -> b.requestItems(ask)).unprocessedItems();
            }
        }
        // the job last: until it exists nothing runs, and its rows are all there when it does
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("importId", s(job.importId()));
        item.put("merchantId", s(job.merchantId()));
        item.put("actor", s(job.actor()));
        item.put("status", s(job.status()));
        item.put("rowsTotal", n(job.rowsTotal()));
        item.put("rowsValid", n(job.rowsValid()));
        item.put("chunks", n(job.chunks()));
        item.put("nextChunk", n(0));
        for (String counter : List.of("rowsDone", "created", "updated", "unchanged", "failed")) {
            item.put(counter, n(0));
        }
        item.put("errorCount", n(job.errorCount()));
        item.put("createdAt", s(job.createdAt().toString()));
        item.put("updatedAt", s(job.updatedAt().toString()));
        item.put("ttl", n(ttl));
        client.putItem(b -> b.tableName(imports).item(item).conditionExpression("attribute_not_exists(importId)"));
    }

    @Override
    public Optional<Job> find(String importId) {
        Map<String, AttributeValue> i = client.getItem(b -> b.tableName(imports).key(Map.of("importId", s(importId))).consistentRead(true)).item();
        return i == null || i.isEmpty() ? Optional.empty() : Optional.of(job(i));
    }

    /** A job as an Imports item (or a stream image of one) holds it. */
    public static Job job(Map<String, AttributeValue> i) {
        return new Job(str(i, "importId"), str(i, "merchantId"), str(i, "actor"), str(i, "status"), (int) num(i, "rowsTotal"),
                (int) num(i, "rowsValid"), (int) num(i, "chunks"), (int) num(i, "nextChunk"), (int) num(i, "rowsDone"),
                (int) num(i, "created"), (int) num(i, "updated"), (int) num(i, "unchanged"), (int) num(i, "failed"),
                (int) num(i, "errorCount"), Instant.parse(str(i, "createdAt")), Instant.parse(str(i, "updatedAt")));
    }

    @Override
    public boolean queue(String importId, Instant at) {
        try {
            client.updateItem(b -> b.tableName(imports).key(Map.of("importId", s(importId)))
                    .updateExpression("SET #status = :queued, updatedAt = :at").conditionExpression("#status = :validated")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":queued", s("QUEUED"), ":validated", s("VALIDATED"), ":at", s(at.toString()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public List<ImportRow> chunk(String importId, int chunk) {
        Map<String, AttributeValue> i = client.getItem(b -> b.tableName(rows)
                .key(Map.of("importId", s(importId), "chunk", n(chunk))).consistentRead(true)).item();
        if (i == null || i.isEmpty()) {
            throw new IllegalStateException("chunk " + chunk + " of import " + importId + " is missing");
        }
        return i.get("rows").l().stream().map(v -> row(v.m())).toList();
    }

    @Override
    public boolean record(String importId, int chunk, ChunkResult r, boolean last, Instant at) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":chunk", n(chunk), ":next", n(chunk + 1),
                ":status", s(last ? "DONE" : "RUNNING"), ":at", s(at.toString()), ":rows", n(r.rows()), ":created", n(r.created()),
                ":updated", n(r.updated()), ":unchanged", n(r.unchanged()), ":failed", n(r.failed())));
        values.put(":errors", l(r.errors().stream().map(DynamoDbImportStore::error).toList()));
        values.put(":none", l(List.of()));
        try {
            client.updateItem(b -> b.tableName(imports).key(Map.of("importId", s(importId)))
                    .updateExpression("SET nextChunk = :next, #status = :status, updatedAt = :at, "
                            + "runErrors = list_append(if_not_exists(runErrors, :none), :errors) "
                            + "ADD rowsDone :rows, created :created, updated :updated, unchanged :unchanged, failed :failed")
                    .conditionExpression("nextChunk = :chunk")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public List<RowError> errors(String importId) {
        List<RowError> out = new ArrayList<>();
        Map<String, AttributeValue> report = client.getItem(b -> b.tableName(rows)
                .key(Map.of("importId", s(importId), "chunk", n(-1))).consistentRead(true)).item();
        if (report != null && report.containsKey("errors")) {
            report.get("errors").l().forEach(v -> out.add(error(v.m())));
        }
        Map<String, AttributeValue> job = client.getItem(b -> b.tableName(imports).key(Map.of("importId", s(importId)))
                .consistentRead(true)).item();
        if (job != null && job.containsKey("runErrors")) {
            job.get("runErrors").l().forEach(v -> out.add(error(v.m())));
        }
        return out;
    }

    private static AttributeValue error(RowError e) {
        return m(Map.of("row", n(e.row()), "column", s(e.column()), "message", s(e.message())));
    }

    private static RowError error(Map<String, AttributeValue> m) {
        return new RowError((int) num(m, "row"), str(m, "column"), str(m, "message"));
    }

    private static AttributeValue row(ImportRow r) {
        ProductForm f = r.form();
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        out.put("row", n(r.row()));
        put(out, "sku", f.sku());
        put(out, "name", f.name());
        put(out, "description", f.description());
        if (f.priceMinor() != null) {
            out.put("priceMinor", n(f.priceMinor()));
        }
        put(out, "categoryId", f.categoryId());
        put(out, "brandId", f.brandId());
        put(out, "colour", f.colour());
        put(out, "status", f.status());
        if (f.attributes() != null && !f.attributes().isEmpty()) {
            Map<String, AttributeValue> a = new HashMap<>();
            f.attributes().forEach((k, v) -> a.put(k, s(v)));
            out.put("attributes", m(a));
        }
        if (r.stock() != null) {
            out.put("stock", n(r.stock()));
        }
        return m(out);
    }

    private static ImportRow row(Map<String, AttributeValue> m) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (m.containsKey("attributes")) {
            m.get("attributes").m().forEach((k, v) -> attributes.put(k, v.s()));
        }
        Long price = m.containsKey("priceMinor") ? num(m, "priceMinor") : null;
        return new ImportRow((int) num(m, "row"), new ProductForm(str(m, "sku"), str(m, "name"), str(m, "description"), price,
                price == null ? null : "EUR", str(m, "categoryId"), str(m, "brandId"), str(m, "colour"), attributes, null, null,
                null, str(m, "status")), m.containsKey("stock") ? num(m, "stock") : null);
    }

    private static void put(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }
}

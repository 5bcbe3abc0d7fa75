package shop.verdant.application.backoffice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import shop.verdant.application.backoffice.port.ImportStore;
import shop.verdant.application.backoffice.port.ImportStore.Job;
import shop.verdant.application.backoffice.port.MerchantCatalogStore;
import shop.verdant.domain.backoffice.ImportRow;
import shop.verdant.domain.backoffice.ImportTemplate;
import shop.verdant.domain.backoffice.ProductForm;
import shop.verdant.domain.backoffice.ProductRules;
import shop.verdant.domain.backoffice.RowError;
import shop.verdant.domain.backoffice.StockAdjustment;
import shop.verdant.domain.catalog.Product;
import shop.verdant.domain.common.ConflictException;
import shop.verdant.domain.common.FieldError;
import shop.verdant.domain.common.NotFoundException;
import shop.verdant.domain.common.PreconditionException;
import shop.verdant.domain.common.ValidationException;

/**
 * A merchant's CSV import: validated whole first (every row against the template and the catalog; nothing written
 * but the job, its rows and its report), then run asynchronously chunk by chunk: each row upserted by the merchant's
 * SKU (created, updated, or unchanged when the file says what the product already is, so the same file twice changes
 * nothing the second time), stock set with an {@code import} movement. The job's own changes drive the run (its next
 * chunk follows each recorded one), so a run that crashed resumes at the chunk it was on.
 */
public final class MerchantImports {
    /** Rows to a chunk at most, and about the bytes a chunk may hold (DynamoDB keeps 400 KB an item). */
    public static final int CHUNK = 500;
    static final int CHUNK_BYTES = 300_000;
    /** A running job whose last chunk is older than this is reported as stalled. */
    public static final Duration STALLED = Duration.ofMinutes(5);

    private final ImportStore store;
    private final MerchantCatalogStore catalog;
    private final MerchantProducts products;
    private final MerchantStock stock;
    private final Clock clock;
    private final Supplier<String> newId;
    private final Supplier<ExecutorService> workers;

    public MerchantImports(ImportStore store, MerchantCatalogStore catalog, MerchantProducts products, MerchantStock stock,
                           Clock clock, Supplier<String> newId, Supplier<ExecutorService> workers) {
        this.store = store;
        this.catalog = catalog;
        this.products = products;
        this.stock = stock;
        this.clock = clock;
        this.newId = newId;
        this.workers = workers;
    }

    /** The file as read: its header and its records, each with its row number (the header is row 1). */
    public record ParsedFile(List<String> header, List<Record> records) {
        public record Record(int row, List<String> cells) {
        }
    }

    /** Validates every row; answers the job (VALIDATED) with its report; {@code run}: queue it at once. */
    public Job start(String merchantId, String actor, ParsedFile file, boolean run) {
        Map<String, Integer> at = ImportTemplate.header(file.header());
        if (file.records().size() > ImportTemplate.MAX_ROWS) {
            throw ValidationException.of("file", "At most " + ImportTemplate.MAX_ROWS + " rows; this file has "
                    + file.records().size() + ". Split it.");
        }
        if (file.records().isEmpty()) {
            throw ValidationException.of("file", "The file has a header and no rows.");
        }
        MerchantProducts.Known known = products.known();
        List<RowError> errors = new ArrayList<>();
        List<ImportRow> valid = new ArrayList<>();
        java.util.Map<String, Integer> skuRows = new java.util.HashMap<>();
        for (ParsedFile.Record record : file.records()) {
            ImportRow row = ImportTemplate.row(record.row(), record.cells(), at, errors);
            if (row == null) {
                continue;
            }
            List<FieldError> problems = ProductRules.problems(row.form(), true, known.categoryIds()::contains,
                    known.brandIds()::contains);
            Integer first = skuRows.putIfAbsent(row.form().sku().toUpperCase(java.util.Locale.ROOT), row.row());
            if (first != null) {
                errors.add(new RowError(row.row(), "sku", "The same SKU as row " + first + "."));
            } else if (problems.isEmpty()) {
                valid.add(row);
            }
            problems.forEach(p -> errors.add(new RowError(row.row(), ImportTemplate.column(p.field()), p.message())));
        }
        List<List<ImportRow>> chunks = new ArrayList<>();
        List<ImportRow> chunk = new ArrayList<>();
        int bytes = 0;
        for (ImportRow row : valid) {
            int size = size(row);
            if (!chunk.isEmpty() && (chunk.size() == CHUNK || bytes + size > CHUNK_BYTES)) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                bytes = 0;
            }
            chunk.add(row);
            bytes += size;
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        Instant now = clock.instant();
        Job job = new Job(newId.get(), merchantId, actor, "VALIDATED", file.records().size(), valid.size(), chunks.size(), 0, 0,
                0, 0, 0, 0, errors.size(), now, now);
        store.create(job, chunks, errors);
        return run ? run(merchantId, job.importId()) : job;
    }

    /** About the bytes a row takes stored (its text, UTF-8 at worst 3 a char, and the attribute names). */
    private static int size(ImportRow row) {
        ProductForm f = row.form();
        int chars = 0;
        for (String v : new String[] {f.sku(), f.name(), f.description(), f.categoryId(), f.brandId(), f.colour(), f.status()}) {
            chars += v == null ? 0 : v.length();
        }
        if (f.attributes() != null) {
            for (Map.Entry<String, String> a : f.attributes().entrySet()) {
                chars += a.getKey().length() + a.getValue().length();
            }
        }
        return 3 * chars + 120;
    }

    public Job get(String merchantId, String importId) {
        return store.find(importId).filter(j -> j.merchantId().equals(merchantId))
                .orElseThrow(() -> new NotFoundException("No import " + importId + " of yours."));
    }

    /** Whether a job has not moved for {@link #STALLED} while it should be running. */
    public boolean stalled(Job job) {
        return (job.status().equals("QUEUED") || job.status().equals("RUNNING"))
                && job.updatedAt().plus(STALLED).isBefore(clock.instant());
    }

    /** Runs a validated job (asynchronously); running it again once it has run is a 409. */
    public Job run(String merchantId, String importId) {
        Job job = get(merchantId, importId);
        if (job.rowsValid() == 0) {
            throw new ConflictException("nothing-to-import", "Nothing to import", "No row of this file is valid; fix the "
                    + "rows the report names and upload it again.", Map.of());
        }
        if (!store.queue(importId, clock.instant())) {
            throw new ConflictException("import-started", "Already started", "This import is " + get(merchantId, importId).status()
                    + "; upload the file again to import it again.", Map.of());
        }
        return get(merchantId, importId);
    }

    public List<RowError> errors(String merchantId, String importId) {
        get(merchantId, importId);
        return store.errors(importId);
    }

    /**
     * Runs chunk {@code chunk} of the job, if that is where the job is; answers whether it recorded it. Rows are
     * upserted concurrently (each is independent: one SKU appears once in a file).
     */
    public boolean runChunk(String importId, int chunk) {
        Job job = store.find(importId).orElse(null);
        if (job == null || !(job.status().equals("QUEUED") || job.status().equals("RUNNING")) || job.nextChunk() != chunk
                || chunk >= job.chunks()) {
            return false;
        }
        List<ImportRow> rows = store.chunk(importId, chunk);
        // which rows are products already: one batch read of their SKU guards for the chunk
        Map<String, String> existing = catalog.productIdsForSkus(job.merchantId(), rows.stream().map(r -> r.form().sku()).toList());
        List<Future<String>> outcomes = new ArrayList<>();
        // the rows are written on worker threads, as whoever runs the chunk (the import)
        shop.verdant.domain.audit.Actor actor = shop.verdant.application.audit.Acting.current();
        for (ImportRow row : rows) {
            String id = existing.get(row.form().sku());
            outcomes.add(workers.get().submit(() -> shop.verdant.application.audit.Acting.as(actor, () -> upsert(job, row, id))));
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<RowError> errors = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String outcome;
            try {
                outcome = outcomes.get(i).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof ValidationException || cause instanceof ConflictException || cause instanceof PreconditionException
                        || cause instanceof NotFoundException || cause instanceof shop.verdant.domain.common.UnprocessableException) {
                    outcome = "failed: " + cause.getMessage();
                } else {
                    // a fault (throttling, a timeout): the chunk fails and the stream delivers it again; done rows are unchanged then
                    throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
                }
            }
            switch (outcome) {
                case "created" -> created++;
                case "updated" -> updated++;
                case "unchanged" -> unchanged++;
                default -> errors.add(new RowError(rows.get(i).row(), "sku", outcome.substring("failed: ".length())));
            }
        }
        return store.record(importId, chunk, new ImportStore.ChunkResult(rows.size(), created, updated, unchanged, errors.size(),
                errors), chunk == job.chunks() - 1, clock.instant());
    }

    private String upsert(Job job, ImportRow row, String id) {
        ProductForm form = row.form();
        String actor = "import:" + job.importId() + " " + job.actor();
        if (id == null) {
            // its stock comes with it, recorded in the same transaction
            products.create(job.merchantId(), actor, form, row.stock());
            return "created";
        }
        MerchantCatalogStore.Listing current = products.get(job.merchantId(), id);
        ProductForm change = difference(current.product(), form);
        String outcome = "unchanged";
        if (change != null) {
            products.update(job.merchantId(), actor, id, EntityTags.of(current.revision()), change);
            outcome = "updated";
        }
        if (row.stock() != null && row.stock() != current.product().stockAvailable()) {
            var moved = stock.adjust(job.merchantId(), actor, id, new StockAdjustment(null, row.stock(), StockAdjustment.Reason.IMPORT,
                    "import " + job.importId()));
            if (moved.movement() != null && outcome.equals("unchanged")) {
                outcome = "updated";
            }
        }
        return outcome;
    }

    /** The fields of the row that differ from the product (status only when the row names one); null when none does. */
    static ProductForm difference(Product p, ProductForm f) {
        String name = Objects.equals(f.name(), p.name()) ? null : f.name();
        String description = f.description() == null || Objects.equals(f.description(), p.description()) ? null : f.description();
        Long price = f.priceMinor() == null || f.priceMinor() == p.price().minor() ? null : f.priceMinor();
        String category = Objects.equals(f.categoryId(), p.categoryId()) ? null : f.categoryId();
        String brand = f.brandId() == null || Objects.equals(f.brandId(), p.brandId()) ? null : f.brandId();
        String colour = f.colour() == null || Objects.equals(f.colour(), p.colour()) ? null : f.colour();
        Map<String, String> attributes = f.attributes() == null || f.attributes().isEmpty() || f.attributes().equals(p.attributes())
                ? null : f.attributes();
        String status = f.status() == null || f.status().equals(p.status().name()) ? null : f.status();
        ProductForm change = new ProductForm(null, name, description, price, price == null ? null : "EUR", category, brand,
                colour, attributes, null, null, null, status);
        return change.isEmpty() ? null : change;
    }
}

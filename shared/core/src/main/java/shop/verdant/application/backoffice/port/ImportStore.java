package shop.verdant.application.backoffice.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import shop.verdant.domain.backoffice.ImportRow;
import shop.verdant.domain.backoffice.RowError;

/** Import jobs, their validated rows in chunks, and their error reports. */
public interface ImportStore {

    /** A job as stored. Status: VALIDATED (checked, nothing written), QUEUED, RUNNING, DONE. */
    record Job(String importId, String merchantId, String actor, String status, int rowsTotal, int rowsValid, int chunks,
               int nextChunk, int rowsDone, int created, int updated, int unchanged, int failed, int errorCount,
               Instant createdAt, Instant updatedAt) {
    }

    /** What one chunk did, added to the job when the chunk is recorded. */
    record ChunkResult(int rows, int created, int updated, int unchanged, int failed, List<RowError> errors) {
    }

    /** Writes the job (VALIDATED), its rows in chunks and its report. */
    void create(Job job, List<List<ImportRow>> chunks, List<RowError> errors);

    Optional<Job> find(String importId);

    /** VALIDATED → QUEUED (what starts it running); false when it was not VALIDATED. */
    boolean queue(String importId, Instant at);

    List<ImportRow> chunk(String importId, int chunk);

    /**
     * Adds {@code result} and moves on to the next chunk (DONE after the last), if the job is still at {@code chunk}:
     * false (nothing added) when another delivery of the same change recorded it first.
     */
    boolean record(String importId, int chunk, ChunkResult result, boolean last, Instant at);

    /** The report: every row error found while validating, then those of the run. */
    List<RowError> errors(String importId);
}

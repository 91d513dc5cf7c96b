package com.inboop.db.backfill;

/**
 * What one run of a job did.
 *
 * @param job                the job's name
 * @param dryRun             if true, every batch was rolled back: {@code changed} is what a real run would change
 * @param scanned            rows that needed the backfill when their batch ran
 * @param changed            rows changed (or that would be)
 * @param unresolved         rows the job cannot fill, left NULL
 * @param batches            batches run
 * @param millis             wall time
 * @param longestBatchMillis the longest single batch transaction
 */
public record BackfillSummary(String job, boolean dryRun, long scanned, long changed, long unresolved, int batches,
                              long millis, long longestBatchMillis) {

    /** Rows scanned per second. */
    public double rowsPerSecond() {
        return millis == 0 ? scanned : scanned * 1000.0 / millis;
    }

    /** One line for logs and the command line. */
    public String describe() {
        return String.format("%s%s: %,d rows scanned, %,d %s, %,d unresolved, %d batches in %.1f s (%,.0f rows/s, "
                        + "longest batch %d ms)", job, dryRun ? " (dry run)" : "", scanned, changed,
                dryRun ? "would change" : "changed", unresolved, batches, millis / 1000.0, rowsPerSecond(),
                longestBatchMillis);
    }
}

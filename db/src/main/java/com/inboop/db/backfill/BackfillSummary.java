package com.inboop.db.backfill;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one run of a job did.
 *
 * @param job                the job's name
 * @param dryRun             if true, every batch was rolled back: {@code changed} is what a real run would change
 * @param scanned            rows that needed the backfill when their batch ran
 * @param changed            rows changed (or that would be)
 * @param unresolved         rows the job cannot fill, left as they are
 * @param unresolvedByValue  the unresolved rows by the value that made them so (e.g. a legacy status without a
 *                           design equivalent), most frequent first; empty where the job has no such value
 * @param batches            batches run
 * @param millis             wall time
 * @param longestBatchMillis the longest single batch transaction
 */
public record BackfillSummary(String job, boolean dryRun, long scanned, long changed, long unresolved,
                              Map<String, Long> unresolvedByValue, int batches, long millis, long longestBatchMillis) {

    public BackfillSummary {
        unresolvedByValue = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(unresolvedByValue));
    }

    /** Rows scanned per second. */
    public double rowsPerSecond() {
        return millis == 0 ? scanned : scanned * 1000.0 / millis;
    }

    /** One line for logs and the command line, with the unresolved values, each quoted, and their counts. */
    public String describe() {
        String values = unresolvedByValue.isEmpty() ? "" : unresolvedByValue.entrySet().stream()
                .map(e -> "'" + e.getKey() + "' x" + String.format("%,d", e.getValue()))
                .collect(Collectors.joining(", ", " (", ")"));
        return String.format("%s%s: %,d rows scanned, %,d %s, %,d unresolved%s, %d batches in %.1f s (%,.0f rows/s, "
                        + "longest batch %d ms)", job, dryRun ? " (dry run)" : "", scanned, changed,
                dryRun ? "would change" : "changed", unresolved, values, batches, millis / 1000.0, rowsPerSecond(),
                longestBatchMillis);
    }
}

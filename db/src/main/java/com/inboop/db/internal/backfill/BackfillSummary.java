package com.inboop.db.internal.backfill;

import java.util.Collections;
import java.util.Comparator;
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
 * @param changes            the changed rows by what changed (e.g. {@code filled}, {@code NEW -> CONVERTED});
 *                           empty where the job changes one thing only
 * @param unresolvedByValue  the rows the job cannot fill, left as they are, by the value or reason that makes them
 *                           so (a legacy value without equivalent, NULL as a {@code null} key), most frequent first
 * @param batches            batches run
 * @param millis             wall time
 * @param longestBatchMillis the longest single batch transaction
 */
public record BackfillSummary(String job, boolean dryRun, long scanned, long changed, Map<String, Long> changes,
                              Map<String, Long> unresolvedByValue, int batches, long millis, long longestBatchMillis) {

    public BackfillSummary {
        changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
        unresolvedByValue = Collections.unmodifiableMap(new LinkedHashMap<>(unresolvedByValue));
    }

    /** Rows the job cannot fill, in all. */
    public long unresolved() {
        return unresolvedByValue.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Rows scanned per second. */
    public double rowsPerSecond() {
        return millis == 0 ? scanned : scanned * 1000.0 / millis;
    }

    /**
     * One line for logs and the command line: what changed, and every unresolved value with its count (each quoted,
     * NULL as NULL).
     */
    public String describe() {
        return String.format("%s%s: %,d rows scanned, %,d %s%s, %,d unresolved%s, %d batches in %.1f s (%,.0f rows/s, "
                        + "longest batch %d ms)", job, dryRun ? " (dry run)" : "", scanned, changed,
                dryRun ? "would change" : "changed", listed(changes, false), unresolved(),
                listed(unresolvedByValue, true), batches, millis / 1000.0, rowsPerSecond(), longestBatchMillis);
    }

    /** The entries by count, highest first, then by value (NULL first). */
    static Map<String, Long> mostFrequentFirst(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.nullsFirst(Comparator.naturalOrder()))))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    private static String listed(Map<String, Long> counts, boolean quoted) {
        if (counts.isEmpty()) {
            return "";
        }
        return counts.entrySet().stream()
                .map(e -> (e.getKey() == null ? "NULL" : quoted ? "'" + e.getKey() + "'" : e.getKey())
                        + " x" + String.format("%,d", e.getValue()))
                .collect(Collectors.joining(", ", " (", ")"));
    }
}

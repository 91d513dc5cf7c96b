package com.inboop.db.internal.backfill;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one batch of a job did.
 *
 * @param changed    rows changed
 * @param changes    the changed rows by what changed, e.g. {@code filled} or {@code NEW -> CONVERTED}; empty where
 *                   the job changes one thing only
 * @param unresolved rows of the batch it could not fill, by reason (e.g. a handle two contacts claim)
 */
public record BatchResult(int changed, Map<String, Long> changes, Map<String, Long> unresolved) {

    public BatchResult {
        changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
        unresolved = Collections.unmodifiableMap(new LinkedHashMap<>(unresolved));
    }

    /** {@code changed} rows, nothing more to say about them. */
    public static BatchResult changed(int changed) {
        return new BatchResult(changed, Map.of(), Map.of());
    }
}

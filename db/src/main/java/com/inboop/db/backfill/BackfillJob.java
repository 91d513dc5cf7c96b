package com.inboop.db.backfill;

import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;

/**
 * One backfill. A job finds the rows that still need it from the data itself (the target column is NULL), so it
 * needs no state table: after a crash it simply runs again. It only ever writes where the target is still NULL,
 * which makes a re-run a no-op and leaves anything the application wrote meanwhile alone.
 */
public interface BackfillJob {

    /** Short name for the command line and progress lines, e.g. {@code lead-status}. */
    String name();

    /** How many rows still need the backfill (for progress; counted once at the start). */
    long remaining(DSLContext dsl);

    /** Ids of the next rows after {@code afterId} that need the backfill, in id order, at most {@code limit}. */
    List<Long> nextIds(DSLContext dsl, long afterId, int limit);

    /**
     * Backfills the rows with these ids, inside the batch's transaction.
     *
     * @return how many rows it changed
     */
    int fill(DSLContext tx, List<Long> ids);

    /** Rows the job looked at but cannot fill (e.g. a conversation without a handle); 0 if there are none. */
    default long unresolved(DSLContext dsl) {
        return 0;
    }

    /**
     * The unresolved rows by the value that made them so (e.g. a legacy status without a design equivalent), most
     * frequent first; empty for a job whose unresolved rows have no such value.
     */
    default Map<String, Long> unresolvedByValue(DSLContext dsl) {
        return Map.of();
    }
}

package com.inboop.db.internal.backfill;

import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;

/**
 * One backfill. A job finds the rows that still need it from the data itself (the target column is NULL, or
 * disagrees with what its source says), so it needs no state table: after a crash it simply runs again, and a run
 * after it has finished changes nothing. It never overwrites a value the application wrote meanwhile that agrees
 * with its source.
 */
public interface BackfillJob {

    /** Short name for the command line and progress lines, e.g. {@code lead-status}. */
    String name();

    /** How many rows still need the backfill (for progress; counted once at the start). */
    long remaining(DSLContext dsl);

    /** Ids of the next rows after {@code afterId} that need the backfill, in id order, at most {@code limit}. */
    List<Long> nextIds(DSLContext dsl, long afterId, int limit);

    /**
     * Backfills the rows with these ids, inside the batch's transaction, and says what it did. Everything in the
     * result is learnt inside that transaction, so a dry run (which rolls it back) reports exactly what a real run
     * would do.
     */
    BatchResult fill(DSLContext tx, List<Long> ids);

    /**
     * Rows the job cannot fill that its batches never visit (e.g. a legacy status without a design equivalent, a
     * conversation without a handle), counted by the value or reason that makes them so, most frequent first. It
     * must not depend on what the job writes, so that it is the same after a dry run and a real one.
     */
    default Map<String, Long> unresolvedElsewhere(DSLContext dsl) {
        return Map.of();
    }
}

package com.inboop.db.internal.backfill;

import java.time.Duration;

import com.inboop.db.InvalidRequestException;

/**
 * How a job runs.
 *
 * @param batchSize        rows per batch transaction (1 to 50,000)
 * @param lockTimeout      how long a batch may wait for a row lock before it fails (and can be re-run)
 * @param statementTimeout how long one statement of a batch may take
 * @param dryRun           roll every batch back and report what would change
 */
public record BackfillOptions(int batchSize, Duration lockTimeout, Duration statementTimeout, boolean dryRun) {

    /** The largest batch: one transaction holds its rows' locks for as long as the batch takes. */
    public static final int MAX_BATCH_SIZE = 50_000;

    public BackfillOptions {
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new InvalidRequestException("batchSize", "must be between 1 and " + MAX_BATCH_SIZE + ", was "
                    + batchSize);
        }
        if (lockTimeout.isNegative() || lockTimeout.isZero() || statementTimeout.isNegative()
                || statementTimeout.isZero()) {
            throw new InvalidRequestException("timeouts", "lock and statement timeouts must be positive");
        }
    }

    /** 1,000 rows per batch, 2 s lock timeout, 30 s statement timeout, for real. */
    public static BackfillOptions defaults() {
        return new BackfillOptions(1_000, Duration.ofSeconds(2), Duration.ofSeconds(30), false);
    }

    public BackfillOptions withBatchSize(int size) {
        return new BackfillOptions(size, lockTimeout, statementTimeout, dryRun);
    }

    public BackfillOptions withDryRun(boolean value) {
        return new BackfillOptions(batchSize, lockTimeout, statementTimeout, value);
    }
}

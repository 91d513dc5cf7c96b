package com.inboop.db.internal.backfill;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import com.inboop.db.InboopDbException;
import com.inboop.db.internal.check.Arguments;

/**
 * Runs a {@link BackfillJob} in keyset batches, one short transaction each with {@code lock_timeout} and
 * {@code statement_timeout} set, reporting progress (rows done, total, rate, ETA) at most every few seconds. An
 * interrupted thread stops between batches; a batch that fails rolls back whole. Either way, running the job again
 * finishes it.
 */
public final class BackfillRunner {

    private final DSLContext dsl;
    private final Consumer<String> progress;
    private final long progressEveryNanos;

    /** @param progress receives progress lines (every 2 s) and the summary, e.g. a logger or System.out::println */
    public BackfillRunner(DSLContext dsl, Consumer<String> progress) {
        this(dsl, progress, Duration.ofSeconds(2));
    }

    BackfillRunner(DSLContext dsl, Consumer<String> progress, Duration progressEvery) {
        this.dsl = Arguments.requirePostgres(dsl);
        this.progress = progress;
        this.progressEveryNanos = progressEvery.toNanos();
    }

    /** Runs {@code job} to the end. */
    public BackfillSummary run(BackfillJob job, BackfillOptions options) {
        return run(job, options, BatchHook.NONE);
    }

    /** Called inside each batch's transaction after its writes, before commit; tests use it to fail mid-batch. */
    interface BatchHook {
        BatchHook NONE = batch -> { };

        void afterWrites(int batch);
    }

    BackfillSummary run(BackfillJob job, BackfillOptions options, BatchHook hook) {
        long start = System.nanoTime();
        long total = job.remaining(dsl);
        long after = 0;
        long scanned = 0;
        long changed = 0;
        long longest = 0;
        int batches = 0;
        Map<String, Long> changes = new LinkedHashMap<>();
        Map<String, Long> unresolved = new LinkedHashMap<>();
        long lastReport = start;
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new BackfillInterruptedException(job.name(), scanned, after);
            }
            List<Long> ids = job.nextIds(dsl, after, options.batchSize());
            if (ids.isEmpty()) {
                break;
            }
            int batch = ++batches;
            long batchStart = System.nanoTime();
            BatchResult filled;
            try {
                filled = dsl.transactionResult(configuration -> {
                    DSLContext tx = configuration.dsl();
                    // set_config(..., true) is SET LOCAL: the timeouts end with the batch's transaction.
                    tx.select(setLocal("lock_timeout", options.lockTimeout()),
                            setLocal("statement_timeout", options.statementTimeout())).fetch();
                    BatchResult result = job.fill(tx, ids);
                    hook.afterWrites(batch);
                    if (options.dryRun()) {
                        throw new DryRunRollback(result);
                    }
                    return result;
                });
            } catch (DryRunRollback rolledBack) {
                filled = rolledBack.result;
            }
            longest = Math.max(longest, (System.nanoTime() - batchStart) / 1_000_000);
            scanned += ids.size();
            changed += filled.changed();
            filled.changes().forEach((what, count) -> changes.merge(what, count, Long::sum));
            filled.unresolved().forEach((why, count) -> unresolved.merge(why, count, Long::sum));
            after = ids.get(ids.size() - 1);
            long now = System.nanoTime();
            if (now - lastReport >= progressEveryNanos) {
                progress.accept(progressLine(job, scanned, total, now - start));
                lastReport = now;
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        job.unresolvedElsewhere(dsl).forEach((why, count) -> unresolved.merge(why, count, Long::sum));
        BackfillSummary summary = new BackfillSummary(job.name(), options.dryRun(), scanned, changed,
                BackfillSummary.mostFrequentFirst(changes),
                BackfillSummary.mostFrequentFirst(unresolved), batches, millis, longest);
        progress.accept(summary.describe());
        return summary;
    }

    private static org.jooq.Field<String> setLocal(String setting, Duration value) {
        return DSL.function("set_config", String.class, DSL.val(setting), DSL.val(value.toMillis() + "ms"),
                DSL.inline(true));
    }

    private static String progressLine(BackfillJob job, long done, long total, long nanos) {
        double rate = done * 1e9 / Math.max(1, nanos);
        long left = Math.max(0, total - done);
        long etaSeconds = rate > 0 ? (long) (left / rate) : -1;
        return String.format("%s: %,d / %,d rows (%.1f%%), %,.0f rows/s, ETA %s", job.name(), done, total,
                total == 0 ? 100.0 : done * 100.0 / total, rate,
                etaSeconds < 0 ? "unknown" : Duration.ofSeconds(etaSeconds).toString().substring(2).toLowerCase());
    }

    /** Thrown inside a dry-run batch to roll it back; carries what the batch would have done. */
    static final class DryRunRollback extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient BatchResult result;

        DryRunRollback(BatchResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    /** The thread was interrupted between batches; everything committed so far stays, a re-run continues. */
    public static final class BackfillInterruptedException extends InboopDbException {
        private static final long serialVersionUID = 1L;

        BackfillInterruptedException(String job, long scanned, long lastId) {
            super(job + " interrupted after " + scanned + " rows (up to id " + lastId + "); run it again to finish: "
                    + "it continues where the data says it stopped");
        }
    }
}

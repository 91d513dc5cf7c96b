package com.inboop.db.internal.backfill;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.db.Seed;
import com.inboop.db.internal.cli.BackfillCommand;
import com.inboop.db.replica.ProductionScale;

/**
 * Benchmark, not part of the test suite: every backfill job on {@code -Dbench.conversations} conversations of the
 * production shape (default 1,000,000, one message each, n/5 leads and n/10 orders with every legacy status, 200,000
 * contacts; {@link ProductionScale}), with the default batch size; prints rows per second and the longest batch
 * transaction of each job. {@code -Dbench.jobs=lead-status,contact-links} runs only those.
 *
 * <pre>./mvnw -B -pl db -am verify -Dtest=BackfillBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@ExtendWith(MigratedDatabaseExtension.class)
class BackfillBenchmark {

    @Test
    void everyJobAtProductionScale(TestDatabase database) throws Exception {
        ProductionScale.seed(database.dataSource(), Integer.getInteger("bench.conversations", 1_000_000), 1);
        DSLContext dsl = Seed.dsl(database);
        BackfillRunner runner = new BackfillRunner(dsl, line -> { });
        System.out.printf("%-20s %12s %12s %12s %12s%n", "job", "changed", "unresolved", "rows/s", "longest ms");
        String only = System.getProperty("bench.jobs", "");
        for (BackfillJob job : BackfillCommand.JOBS.values()) {
            if (!only.isBlank() && !java.util.List.of(only.split(",")).contains(job.name())) {
                continue;
            }
            BackfillSummary summary = runner.run(job, BackfillOptions.defaults());
            System.out.printf("%-20s %,12d %,12d %,12.0f %,12d%n", job.name(), summary.changed(), summary.unresolved(),
                    summary.rowsPerSecond(), summary.longestBatchMillis());
        }
    }
}

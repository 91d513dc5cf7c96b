package com.inboop.db.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.codegen.postgres.ThrowawayDatabase;
import com.inboop.db.internal.backfill.BackfillJob;
import com.inboop.db.internal.backfill.BackfillOptions;
import com.inboop.db.internal.backfill.BackfillRunner;
import com.inboop.db.internal.backfill.BackfillSummary;
import com.inboop.db.internal.backfill.TypedColumnSync;
import com.inboop.db.replica.ProductionReplica;
import com.inboop.db.replica.ProductionScale;

/**
 * Benchmark, not part of the test suite: the lock and rewrite cost of every step of the typed-status path
 * (docs/typed-status-columns.md) on {@code -Dbench.conversations} conversations (default 1,000,000) and a fifth as
 * many leads: adding the typed column (V016's statement), the backfill, and the proposed final step (NOT NULL through
 * a validated CHECK, dropping the legacy column and its indexes). Prints, per step, the lock Postgres takes, the
 * wall time (the lock is held that long, at most) and whether the table was rewritten (its relfilenode changed).
 *
 * <pre>./mvnw -B -pl db -am verify -Dtest=TypedColumnStepsBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@ExtendWith(MigratedDatabaseExtension.class)
class TypedColumnStepsBenchmark {

    @Test
    void everyStepOnProductionSizedTables(TestDatabase server) throws Exception {
        int n = Integer.getInteger("bench.conversations", 1_000_000);
        try (ThrowawayDatabase database = server.newEmptyDatabase()) {
            DataSource dataSource = database.target().dataSource();
            // Everything up to V015: conversations.intent_label_enum (V016) is not there yet.
            ProductionReplica.migrateUpTo(dataSource, "15");
            ProductionScale.seed(dataSource, n, 1);
            BackfillRunner runner = new BackfillRunner(DSL.using(dataSource, SQLDialect.POSTGRES), line -> { });

            System.out.printf("%-62s %-26s %10s  %s%n", "step", "lock", "wall ms", "rewritten");
            step(dataSource, "1. add conversations.intent_label_enum (V016)", "ACCESS EXCLUSIVE", "conversations",
                    "ALTER TABLE conversations ADD COLUMN IF NOT EXISTS intent_label_enum intent_label");
            // The rest of the migrations (the sync triggers and their mapping functions among them); the seeded rows
            // predate the triggers, as production's do, so their typed columns are still NULL.
            ProductionReplica.migrateUpTo(dataSource, "latest");
            backfill(runner, TypedColumnSync.intentLabel());
            backfill(runner, TypedColumnSync.leadStatus());
            step(dataSource, "3a. final: CHECK (status_enum IS NOT NULL) NOT VALID", "ACCESS EXCLUSIVE", "leads",
                    "ALTER TABLE leads ADD CONSTRAINT leads_status_enum_not_null CHECK (status_enum IS NOT NULL) "
                            + "NOT VALID");
            step(dataSource, "3b. final: VALIDATE that CHECK", "SHARE UPDATE EXCLUSIVE", "leads",
                    "ALTER TABLE leads VALIDATE CONSTRAINT leads_status_enum_not_null");
            step(dataSource, "3c. final: SET NOT NULL (proved by the CHECK, no scan)", "ACCESS EXCLUSIVE", "leads",
                    "ALTER TABLE leads ALTER COLUMN status_enum SET NOT NULL");
            step(dataSource, "3d. final: drop the CHECK", "ACCESS EXCLUSIVE", "leads",
                    "ALTER TABLE leads DROP CONSTRAINT leads_status_enum_not_null");
            step(dataSource, "3e. final: DROP INDEX CONCURRENTLY idx_leads_status_archived", "SHARE UPDATE EXCLUSIVE",
                    "leads", "DROP INDEX CONCURRENTLY idx_leads_status_archived");
            step(dataSource, "3f. final: DROP COLUMN leads.status (approved)", "ACCESS EXCLUSIVE", "leads",
                    "ALTER TABLE leads DROP COLUMN status");
            step(dataSource, "3g. final: DROP INDEX CONCURRENTLY idx_conversations_intent_label",
                    "SHARE UPDATE EXCLUSIVE", "conversations", "DROP INDEX CONCURRENTLY idx_conversations_intent_label");
            step(dataSource, "3h. final: DROP COLUMN conversations.intent_label (approved)", "ACCESS EXCLUSIVE",
                    "conversations", "ALTER TABLE conversations DROP COLUMN intent_label");
        }
    }

    private static void backfill(BackfillRunner runner, BackfillJob job) {
        BackfillSummary summary = runner.run(job, BackfillOptions.defaults());
        System.out.printf("%-62s %-26s %,10d  no (%,d rows changed, %,.0f rows/s, longest batch %d ms, %,d unmapped)%n",
                "2. backfill " + job.name() + " (batches of 1,000)", "ROW EXCLUSIVE + row locks", summary.millis(),
                summary.changed(), summary.rowsPerSecond(), summary.longestBatchMillis(), summary.unresolved());
        assertThat(summary.changed()).isPositive();
    }

    private static void step(DataSource dataSource, String name, String lock, String table, String sql)
            throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            long before = relfilenode(statement, table);
            long start = System.nanoTime();
            statement.execute(sql);
            double millis = (System.nanoTime() - start) / 1e6;
            boolean rewritten = relfilenode(statement, table) != before;
            System.out.printf("%-62s %-26s %,10.1f  %s%n", name, lock, millis, rewritten ? "YES" : "no");
            assertThat(rewritten).as(name).isFalse();
        }
    }

    private static long relfilenode(Statement statement, String table) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT relfilenode FROM pg_class WHERE oid = '" + table
                + "'::regclass")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

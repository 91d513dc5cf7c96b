package com.inboop.db.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.inboop.codegen.catalog.CatalogSnapshot;
import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.codegen.migrate.MigrationObserver;
import com.inboop.codegen.postgres.ThrowawayDatabase;
import com.inboop.db.migration.InboopMigrations;
import com.inboop.db.replica.ProductionReplica;
import com.inboop.db.replica.ProductionScale;

/**
 * Benchmark, not part of the test suite: adopts production replica B (the backend's history with its baseline row at
 * 0, 1..13, and Hibernate's drift) holding {@code -Dbench.conversations} conversations (default 1,000,000), five
 * times as many messages, a fifth as many leads and a tenth as many orders, and applies the migrations after V001
 * while a second connection samples pg_locks. Prints for every migration how long it held a lock that blocks writes
 * on a pre-existing table, and whether any table was rewritten. {@code -Dbench.replica=HISTORY_ONLY} starts from
 * replica A instead (no Hibernate additions: V004 and V007 then build the two unique keys).
 *
 * <pre>./mvnw -B -pl db -am verify -Dtest=MigrationLockBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@ExtendWith(MigratedDatabaseExtension.class)
class MigrationLockBenchmark {

    /** One sighting run of a lock: seen first and last at these times, by the polls around them. */
    private record Hold(String migration, String table, String mode, long fromNanos, long toNanos) {
        double millis() {
            return (toNanos - fromNanos) / 1e6;
        }
    }

    @Test
    void measureLocksAndRewritesOnAProductionReplica(TestDatabase server) throws Exception {
        int conversations = Integer.getInteger("bench.conversations", 1_000_000);
        try (ThrowawayDatabase legacy = server.newEmptyDatabase()) {
            DataSource dataSource = legacy.target().dataSource();
            seed(dataSource, conversations);
            CatalogSnapshot before = snapshot(dataSource);
            List<String> legacyTables = List.copyOf(before.tables().keySet());

            List<String[]> migrations = new ArrayList<>(); // script, start nanos, end nanos
            Callback boundaries = new MigrationObserver(Event.BEFORE_EACH_MIGRATE, Event.AFTER_EACH_MIGRATE) {
                @Override
                public void handle(Event event, Context context) {
                    if (event == Event.BEFORE_EACH_MIGRATE) {
                        migrations.add(new String[] {context.getMigrationInfo().getScript(),
                                Long.toString(System.nanoTime()), null});
                    } else {
                        migrations.get(migrations.size() - 1)[2] = Long.toString(System.nanoTime());
                    }
                }
            };
            Flyway flyway = Flyway.configure(getClass().getClassLoader())
                    .configuration(InboopMigrations.flyway(dataSource).getConfiguration())
                    .callbacks(boundaries)
                    .load();

            List<Hold> holds = new ArrayList<>();
            AtomicBoolean running = new AtomicBoolean(true);
            long[] polls = new long[1];
            Thread sampler = new Thread(() -> sample(dataSource, legacyTables, running, holds, polls), "pg_locks-sampler");
            sampler.start();
            long migrateStart = System.nanoTime();
            flyway.migrate();
            long migrateEnd = System.nanoTime();
            running.set(false);
            sampler.join();

            CatalogSnapshot after = snapshot(dataSource);
            report(migrations, holds, legacyTables, before, after, polls[0], (migrateEnd - migrateStart) / 1e9);
        }
    }

    private static void seed(DataSource dataSource, int n) throws SQLException {
        ProductionReplica.build(dataSource,
                ProductionReplica.State.valueOf(System.getProperty("bench.replica", "HIBERNATE_DRIFT")));
        ProductionScale.seed(dataSource, n, 5);
    }

    /** Polls pg_locks as fast as it can and records each run of sightings of a write-blocking table lock. */
    private static void sample(DataSource dataSource, List<String> legacyTables, AtomicBoolean running,
                               List<Hold> holds, long[] polls) {
        String sql = """
                SELECT l.pid, c.relname, l.mode FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                 WHERE l.locktype = 'relation' AND l.granted AND l.pid <> pg_backend_pid()
                   AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                   AND c.relname = ANY (?)
                   AND l.mode IN ('ShareLock', 'ShareRowExclusiveLock', 'ExclusiveLock', 'AccessExclusiveLock')""";
        Map<String, long[]> open = new HashMap<>(); // key -> {first seen, last seen}
        long previousPoll = System.nanoTime();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", legacyTables.toArray()));
            while (running.get()) {
                long now = System.nanoTime();
                Map<String, Boolean> seen = new HashMap<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        String key = rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getString(3);
                        seen.put(key, true);
                        // Conservative: the hold may have begun right after the previous poll.
                        long[] run = open.get(key);
                        if (run == null) {
                            open.put(key, new long[] {previousPoll, now});
                        } else {
                            run[1] = now;
                        }
                    }
                }
                long done = System.nanoTime();
                open.entrySet().removeIf(e -> {
                    if (seen.containsKey(e.getKey())) {
                        return false;
                    }
                    String[] parts = e.getKey().split("\\|");
                    holds.add(new Hold(null, parts[1], parts[2], e.getValue()[0], done));
                    return true;
                });
                previousPoll = now;
                polls[0]++;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("pg_locks sampler failed", e);
        }
    }

    private static void report(List<String[]> migrations, List<Hold> holds, List<String> legacyTables,
                               CatalogSnapshot before, CatalogSnapshot after, long polls, double seconds) {
        System.out.printf("applied %d migrations in %.2f s; pg_locks sampled %,d times (every %.2f ms on average)%n",
                migrations.size(), seconds, polls, seconds * 1000 / Math.max(1, polls));
        System.out.printf("%-58s %9s  %s%n", "migration", "wall ms", "write-blocking locks on legacy tables (held <=)");
        double longestAccessExclusive = 0;
        String longestWhere = "none";
        for (String[] m : migrations) {
            long start = Long.parseLong(m[1]);
            long end = Long.parseLong(m[2]);
            StringBuilder locks = new StringBuilder();
            for (Hold h : holds) {
                if (h.fromNanos() < end && h.toNanos() > start) {
                    locks.append(String.format("%s %s %.1f ms; ", h.table(), h.mode(), h.millis()));
                    if (h.mode().equals("AccessExclusiveLock") && h.millis() > longestAccessExclusive) {
                        longestAccessExclusive = h.millis();
                        longestWhere = m[0] + " on " + h.table();
                    }
                }
            }
            System.out.printf("%-58s %9.1f  %s%n", m[0], (end - start) / 1e6, locks.length() == 0 ? "-" : locks);
        }
        List<String> rewritten = new ArrayList<>();
        for (String table : legacyTables) {
            if (before.tables().get(table).relfilenode() != after.tables().get(table).relfilenode()) {
                rewritten.add(table);
            }
        }
        System.out.printf("longest ACCESS EXCLUSIVE on a legacy table: %.1f ms (%s)%n", longestAccessExclusive,
                longestWhere);
        System.out.println("tables rewritten (relfilenode changed): " + (rewritten.isEmpty() ? "none" : rewritten));
    }

    private static CatalogSnapshot snapshot(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return CatalogSnapshot.read(connection, "public");
        }
    }

}

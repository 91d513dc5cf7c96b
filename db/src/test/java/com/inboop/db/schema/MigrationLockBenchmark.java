package com.inboop.db.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
import com.inboop.codegen.migrate.MigrationObserver;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.codegen.postgres.ThrowawayDatabase;
import com.inboop.db.migration.InboopMigrations;

/**
 * Benchmark, not part of the test suite: applies the migrations after V001 to a legacy database holding
 * {@code -Dbench.conversations} conversations (default 1,000,000) and five times as many messages, while a second
 * connection samples pg_locks, and prints for every migration how long it held a lock that blocks writes on a
 * pre-existing table, and whether any table was rewritten.
 *
 * <pre>./mvnw -B -pl db -am verify -Dtest=MigrationLockBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@ExtendWith(MigratedDatabaseExtension.class)
class MigrationLockBenchmark {

    private static final List<String> LEGACY_TABLES =
            List.of("workspaces", "users", "conversations", "messages", "leads", "orders");

    /** One sighting run of a lock: seen first and last at these times, by the polls around them. */
    private record Hold(String migration, String table, String mode, long fromNanos, long toNanos) {
        double millis() {
            return (toNanos - fromNanos) / 1e6;
        }
    }

    @Test
    void measureLocksAndRewritesOnALegacyDatabase(TestDatabase server) throws Exception {
        int conversations = Integer.getInteger("bench.conversations", 1_000_000);
        try (ThrowawayDatabase legacy = server.newEmptyDatabase()) {
            DataSource dataSource = legacy.target().dataSource();
            long seedStart = System.nanoTime();
            seed(dataSource, conversations);
            System.out.printf("seeded %,d conversations, %,d messages, %,d leads, %,d orders in %.1f s%n",
                    conversations, conversations * 5L, conversations / 5, conversations / 10,
                    (System.nanoTime() - seedStart) / 1e9);
            CatalogSnapshot before = snapshot(dataSource);

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
            Thread sampler = new Thread(() -> sample(dataSource, running, holds, polls), "pg_locks-sampler");
            sampler.start();
            long migrateStart = System.nanoTime();
            flyway.migrate();
            long migrateEnd = System.nanoTime();
            running.set(false);
            sampler.join();

            CatalogSnapshot after = snapshot(dataSource);
            report(migrations, holds, before, after, polls[0], (migrateEnd - migrateStart) / 1e9);
        }
    }

    private static void seed(DataSource dataSource, int n) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(SchemaAlignmentTest.v001());
            statement.execute("INSERT INTO workspaces (name) SELECT 'workspace ' || g FROM generate_series(1, 100) g");
            statement.execute("INSERT INTO users (workspace_id, email) SELECT 1 + g % 100, 'agent' || g || '@example.com'"
                    + " FROM generate_series(1, 1000) g");
            statement.execute("INSERT INTO conversations (workspace_id, channel, external_thread_id, customer_handle,"
                    + " customer_name, last_message_at, unread_count)"
                    + " SELECT 1 + g % 100, CASE WHEN g % 2 = 0 THEN 'INSTAGRAM' ELSE 'WHATSAPP' END, 'thread-' || g,"
                    + " 'handle' || g, 'Customer ' || g, now() - g * interval '1 second', g % 3"
                    + " FROM generate_series(1, " + n + ") g");
            statement.execute("INSERT INTO messages (conversation_id, body, is_from_customer, created_at)"
                    + " SELECT 1 + g % " + n + ", 'message number ' || g, g % 2 = 0, now() - g * interval '200 ms'"
                    + " FROM generate_series(1, " + 5L * n + ") g");
            statement.execute("INSERT INTO leads (workspace_id, conversation_id, title)"
                    + " SELECT 1 + g % 100, 1 + (g * 5) % " + n + ", 'lead ' || g FROM generate_series(1, " + n / 5 + ") g");
            statement.execute("INSERT INTO orders (workspace_id, conversation_id, total, currency)"
                    + " SELECT 1 + g % 100, 1 + (g * 10) % " + n + ", 25.00, 'EUR' FROM generate_series(1, " + n / 10
                    + ") g");
            statement.execute("VACUUM ANALYZE");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls pg_locks as fast as it can and records each run of sightings of a write-blocking table lock. */
    private static void sample(DataSource dataSource, AtomicBoolean running, List<Hold> holds, long[] polls) {
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
            statement.setArray(1, connection.createArrayOf("text", LEGACY_TABLES.toArray()));
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

    private static void report(List<String[]> migrations, List<Hold> holds, CatalogSnapshot before,
                               CatalogSnapshot after, long polls, double seconds) {
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
        for (String table : LEGACY_TABLES) {
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

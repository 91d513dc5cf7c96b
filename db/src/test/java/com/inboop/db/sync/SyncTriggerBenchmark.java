package com.inboop.db.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.codegen.postgres.ThrowawayDatabase;
import com.inboop.db.replica.ProductionReplica;
import com.inboop.db.replica.ProductionScale;

/**
 * Benchmark, not part of the suite: what inboop-db's triggers cost the backend's writes: the sync triggers (V041 to
 * V043, V048 to V050) and, since the list-speed work, V055's on messages (the message's business), V065's on
 * conversations (a tab-count change appended when a conversation changes group) and V069's on orders; "sync" in the
 * output is every trigger of the table enabled.
 * On a migrated database holding production-sized tables ({@code -Dbench.conversations}, default 1,000,000: 200,000 leads, 100,000
 * orders), single-row UPDATEs as Hibernate issues them (every mapped column in the SET list, bound as parameters,
 * one statement per transaction, through a prepared statement the driver reuses), on random rows, with the status
 * left as it is and with the status changed; each round updates the same rows with the triggers enabled and
 * disabled, which goes first alternating, so that both see the same data, indexes, cache and machine; and a third
 * time with, instead of the sync, an empty PL/pgSQL trigger of the same kind (the floor: what any BEFORE UPDATE row
 * trigger costs; since V048 to V050 the sync triggers have no WHEN clause either, which would make Hibernate's
 * re-typing of the columns it names fail). Prints the median over the rounds of each round's median microseconds per
 * UPDATE, and the overheads. Then the same three ways for the backend's most frequent write, a message INSERTed with
 * every mapped column into a random conversation.
 *
 * <pre>./mvnw -B -pl db -am verify -Dtest=SyncTriggerBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@ExtendWith(MigratedDatabaseExtension.class)
class SyncTriggerBenchmark {

    private static final int ROUNDS = 21;
    private static final int UPDATES_PER_ROUND = 2_000;

    /** A table with triggers, a column whose change a trigger follows, and two values to move it between. */
    private record Case(String table, String column, Object first, Object second) {
    }

    private static final List<Case> CASES = List.of(
            new Case("leads", "status", "CONTACTED", "LOST"),
            new Case("orders", "status", "SHIPPED", "DELIVERED"),
            new Case("orders", "payment_status", "UNPAID", "PAID"),
            new Case("conversations", "intent_label", "BROWSING", "BUYING"),
            // A conversation turning unread and read again: a change of its tab-count group (V065 appends a change).
            new Case("conversations", "unread_count", 0, 1));

    @Test
    void hibernateStyleUpdatesWithAndWithoutTheSync(TestDatabase server) throws Exception {
        int n = Integer.getInteger("bench.conversations", 1_000_000);
        try (ThrowawayDatabase database = server.newEmptyDatabase()) {
            DataSource dataSource = database.target().dataSource();
            // The backend's schema with production-sized rows, then inboop-db's migrations on top of it: the rows
            // predate the triggers, as production's do.
            ProductionReplica.backendFlyway(dataSource, "13").migrate();
            ProductionScale.seed(dataSource, n, 0);
            // What the backend's entities map: the columns before inboop-db's.
            Map<String, List<String>> mapped = ProductionReplica.columns(dataSource);
            ProductionReplica.migrateUpTo(dataSource, "latest");

            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE FUNCTION bench_unchanged() RETURNS trigger LANGUAGE plpgsql"
                        + " AS $$ BEGIN RETURN NEW; END $$");
                for (String table : CASES.stream().map(Case::table).distinct().toList()) {
                    statement.execute("CREATE TRIGGER bench_floor BEFORE UPDATE ON " + table
                            + " FOR EACH ROW EXECUTE FUNCTION bench_unchanged()");
                }
                statement.execute("CREATE TRIGGER bench_floor BEFORE INSERT ON messages"
                        + " FOR EACH ROW EXECUTE FUNCTION bench_unchanged()");
            }
            System.out.printf("%-44s %-10s %9s %9s %9s %9s %9s%n", "UPDATE (Hibernate, every mapped column)",
                    "status", "sync µs", "none µs", "floor µs", "sync", "floor");
            try (Connection connection = dataSource.getConnection()) {
                for (Case each : CASES) {
                    long rows = count(connection, each.table());
                    for (boolean changed : new boolean[] {false, true}) {
                        double[][] micros = new double[Mode.values().length][ROUNDS];
                        for (int round = 0; round < ROUNDS; round++) {
                            // The same rows every way; the order rotates, so that none always meets the rows
                            // another just read into the cache.
                            for (int m = 0; m < Mode.values().length; m++) {
                                Mode mode = Mode.values()[(m + round) % Mode.values().length];
                                micros[mode.ordinal()][round] = round(connection, each, mapped, rows, changed, mode,
                                        round);
                            }
                        }
                        double sync = median(micros[Mode.SYNC.ordinal()]);
                        double none = median(micros[Mode.NONE.ordinal()]);
                        double floor = median(micros[Mode.FLOOR.ordinal()]);
                        System.out.printf("%-44s %-10s %9.1f %9.1f %9.1f %8.1f%% %8.1f%%%n",
                                each.table() + "." + each.column() + " (" + String.format("%,d", rows) + " rows)",
                                changed ? "changed" : "unchanged", sync, none, floor, (sync / none - 1) * 100,
                                (floor / none - 1) * 100);
                    }
                }
                // The backend's most frequent write: a message, inserted with every mapped column (V055's trigger
                // looks its conversation's business up).
                long conversations = count(connection, "conversations");
                double[][] micros = new double[Mode.values().length][ROUNDS];
                for (int round = 0; round < ROUNDS; round++) {
                    for (int m = 0; m < Mode.values().length; m++) {
                        Mode mode = Mode.values()[(m + round) % Mode.values().length];
                        micros[mode.ordinal()][round] = insertRound(connection, mapped.get("messages"),
                                conversations, mode, round);
                    }
                }
                double sync = median(micros[Mode.SYNC.ordinal()]);
                double none = median(micros[Mode.NONE.ordinal()]);
                double floor = median(micros[Mode.FLOOR.ordinal()]);
                System.out.printf("%-44s %-10s %9.1f %9.1f %9.1f %8.1f%% %8.1f%%%n",
                        "INSERT INTO messages (every mapped column)", "-", sync, none, floor,
                        (sync / none - 1) * 100, (floor / none - 1) * 100);
            }
        }
    }

    /** Which triggers an UPDATE meets: the sync, none, or the empty floor trigger. */
    private enum Mode {
        SYNC, NONE, FLOOR
    }

    /** Median µs per UPDATE of one round: {@link #UPDATES_PER_ROUND} single-row UPDATEs, each committed. */
    private static double round(Connection connection, Case each, Map<String, List<String>> mapped, long rows,
                                boolean changed, Mode mode, int seed) throws SQLException {
        toggle(connection, each.table(), mode);
        List<String> columns = new ArrayList<>(mapped.get(each.table()));
        columns.remove("\"id\"");
        String update = "UPDATE " + each.table() + " SET " + String.join(", ", columns.stream()
                .map(c -> c + " = ?").toList()) + " WHERE id = ?";
        String read = "SELECT " + String.join(", ", columns) + " FROM " + each.table() + " WHERE id = ?";
        java.util.Random random = new java.util.Random(seed);
        long minId = minId(connection, each.table());
        double[] micros = new double[UPDATES_PER_ROUND];
        try (PreparedStatement select = connection.prepareStatement(read);
             PreparedStatement write = connection.prepareStatement(update)) {
            int target = columns.indexOf('"' + each.column() + '"');
            for (int i = 0; i < UPDATES_PER_ROUND; i++) {
                long id = minId + random.nextLong(rows);
                Object[] row = new Object[columns.size()];
                select.setLong(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        i--;
                        continue;
                    }
                    for (int c = 0; c < row.length; c++) {
                        row[c] = rs.getObject(c + 1);
                    }
                }
                if (changed) {
                    row[target] = each.first().equals(row[target]) ? each.second() : each.first();
                }
                for (int c = 0; c < row.length; c++) {
                    write.setObject(c + 1, row[c]);
                }
                write.setLong(row.length + 1, id);
                long start = System.nanoTime();
                assertThat(write.executeUpdate()).isEqualTo(1);
                micros[i] = (System.nanoTime() - start) / 1e3;
            }
        }
        return median(micros);
    }

    /**
     * Median µs per INSERT of one round: {@link #UPDATES_PER_ROUND} single-row INSERTs of a message into a random
     * conversation, as Hibernate writes one (every mapped column but the id), each committed.
     */
    private static double insertRound(Connection connection, List<String> mapped, long conversations, Mode mode,
                                      int seed) throws SQLException {
        toggle(connection, "messages", mode);
        List<String> columns = new ArrayList<>(mapped);
        columns.remove("\"id\"");
        String insert = "INSERT INTO messages (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        java.util.Random random = new java.util.Random(seed);
        long minId = minId(connection, "conversations");
        java.sql.Timestamp now = java.sql.Timestamp.valueOf(java.time.LocalDateTime.of(2026, 12, 5, 12, 0));
        double[] micros = new double[UPDATES_PER_ROUND];
        try (PreparedStatement write = connection.prepareStatement(insert)) {
            for (int i = 0; i < UPDATES_PER_ROUND; i++) {
                for (int c = 0; c < columns.size(); c++) {
                    write.setObject(c + 1, switch (columns.get(c)) {
                        case "\"conversation_id\"" -> minId + random.nextLong(conversations);
                        case "\"sender_id\"" -> "customer";
                        case "\"is_from_customer\"" -> true;
                        case "\"has_attachment\"", "\"is_read\"" -> false;
                        case "\"original_text\"" -> "is this still available?";
                        case "\"sent_at\"", "\"created_at\"", "\"updated_at\"" -> now;
                        default -> null;
                    });
                }
                long start = System.nanoTime();
                assertThat(write.executeUpdate()).isEqualTo(1);
                micros[i] = (System.nanoTime() - start) / 1e3;
            }
        }
        return median(micros);
    }

    /** Leaves {@code table} with the triggers {@code mode} names enabled, and no other user trigger. */
    private static void toggle(Connection connection, String table, Mode mode) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + table + " DISABLE TRIGGER USER");
            if (mode == Mode.SYNC) {
                statement.execute("ALTER TABLE " + table + " ENABLE TRIGGER USER");
                statement.execute("ALTER TABLE " + table + " DISABLE TRIGGER bench_floor");
            } else if (mode == Mode.FLOOR) {
                statement.execute("ALTER TABLE " + table + " ENABLE TRIGGER bench_floor");
            }
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        return single(connection, "SELECT count(*) FROM " + table);
    }

    private static long minId(Connection connection, String table) throws SQLException {
        return single(connection, "SELECT min(id) FROM " + table);
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

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
 * Benchmark, not part of the suite: what the sync triggers (V041 to V043) cost the backend's writes. On a migrated
 * database holding production-sized tables ({@code -Dbench.conversations}, default 1,000,000: 200,000 leads, 100,000
 * orders), single-row UPDATEs as Hibernate issues them (every mapped column in the SET list, bound as parameters,
 * one statement per transaction, through a prepared statement the driver reuses), on random rows, with the status
 * left as it is and with the status changed; each measured with the triggers enabled and disabled, in alternating
 * rounds, so that both see the same data, indexes and machine. Prints the median microseconds per UPDATE and the
 * overhead.
 *
 * <pre>./mvnw -B -pl db -am verify -Dtest=SyncTriggerBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@ExtendWith(MigratedDatabaseExtension.class)
class SyncTriggerBenchmark {

    private static final int ROUNDS = 9;
    private static final int UPDATES_PER_ROUND = 2_000;

    /** A synced table, the legacy column whose change the trigger follows, and two values to move it between. */
    private record Case(String table, String column, String first, String second) {
    }

    private static final List<Case> CASES = List.of(
            new Case("leads", "status", "CONTACTED", "LOST"),
            new Case("orders", "status", "SHIPPED", "DELIVERED"),
            new Case("orders", "payment_status", "UNPAID", "PAID"),
            new Case("conversations", "intent_label", "BROWSING", "BUYING"));

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

            System.out.printf("%-30s %-10s %12s %12s %9s%n", "UPDATE (Hibernate, every mapped column)", "status",
                    "sync µs", "no sync µs", "overhead");
            try (Connection connection = dataSource.getConnection()) {
                for (Case each : CASES) {
                    long rows = count(connection, each.table());
                    for (boolean changed : new boolean[] {false, true}) {
                        double[] with = new double[ROUNDS];
                        double[] without = new double[ROUNDS];
                        for (int round = 0; round < ROUNDS; round++) {
                            // Alternate which goes first, so that neither always meets a warmer cache.
                            boolean syncFirst = round % 2 == 0;
                            double a = round(connection, each, mapped, rows, changed, syncFirst, round);
                            double b = round(connection, each, mapped, rows, changed, !syncFirst, round + 100);
                            with[round] = syncFirst ? a : b;
                            without[round] = syncFirst ? b : a;
                        }
                        double withMedian = median(with);
                        double withoutMedian = median(without);
                        System.out.printf("%-30s %-10s %12.1f %12.1f %8.1f%%%n",
                                each.table() + "." + each.column() + " (" + String.format("%,d", rows) + " rows)",
                                changed ? "changed" : "unchanged", withMedian, withoutMedian,
                                (withMedian / withoutMedian - 1) * 100);
                    }
                }
            }
        }
    }

    /** Median µs per UPDATE of one round: {@link #UPDATES_PER_ROUND} single-row UPDATEs, each committed. */
    private static double round(Connection connection, Case each, Map<String, List<String>> mapped, long rows,
                                boolean changed, boolean sync, int seed) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + each.table() + (sync ? " ENABLE" : " DISABLE") + " TRIGGER USER");
        }
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

package com.inboop.db.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;

/**
 * Benchmark, not part of the suite: the decision of docs/typed-status-columns.md ("Reading"), measured. A leads list
 * filtered by status can be read three ways; each is prepared once and run under a generic plan
 * ({@code plan_cache_mode = force_generic_plan}, what the driver gets from a statement's sixth execution), page 1
 * and a deep page (keyset), on {@code -Dbench.leads} leads (default 200,000) of one business, every status spelled
 * as production spells it, a third of them typed and the rest legacy-only (rows nobody wrote since the triggers):
 *
 * <ol>
 *   <li>the status a lead has, {@code coalesce(status_enum, inboop_lead_status(status))}, on its expression index
 *       (idx_leads_list_status, V044): what the query layer does;</li>
 *   <li>the typed column alone on its index (idx_leads_status_enum, V024): right only once a backfill has filled
 *       every row;</li>
 *   <li>the former "typed, else the legacy spellings" OR, on the list index (idx_leads_list, V023) with a filter.</li>
 * </ol>
 *
 * <pre>./mvnw -B -pl db -am verify -Dtest=StatusFilterReadBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@ExtendWith(MigratedDatabaseExtension.class)
class StatusFilterReadBenchmark {

    private static final int PAGE = 50;
    private static final int RUNS = 101;

    private record Way(String name, String condition) {
    }

    private static final List<Way> WAYS = List.of(
            new Way("effective status (V044 index)", "coalesce(status_enum, inboop_lead_status(status)) = 'LOST'"),
            new Way("typed column only (V024 index)", "status_enum = 'LOST'"),
            new Way("typed, else legacy spellings (OR)",
                    "(status_enum = 'LOST' OR (status_enum IS NULL AND status IN ('LOST')))"));

    @Test
    void statusFilteredPagesThreeWays(TestDatabase database) throws Exception {
        int leads = Integer.getInteger("bench.leads", 200_000);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            seed(statement, leads);
            statement.execute("SET plan_cache_mode = force_generic_plan");
            System.out.printf("%-36s %10s %10s %10s %12s%n", "leads with status LOST", "rows", "page1 ms",
                    "page" + deepPage(leads) + " ms", "buffers deep");
            for (Way way : WAYS) {
                String sql = "SELECT id, customer_name, status, status_enum, coalesce(created_at, '1970-01-01') AS t"
                        + " FROM leads WHERE business_id = (SELECT min(id) FROM businesses) AND deleted_at IS NULL"
                        + " AND archived_at IS NULL AND " + way.condition()
                        + " AND (coalesce(created_at, '1970-01-01'), id) < (?, ?)"
                        + " ORDER BY coalesce(created_at, '1970-01-01') DESC, id DESC LIMIT " + (PAGE + 1);
                try (PreparedStatement page = connection.prepareStatement(sql)) {
                    long matching = count(statement, way.condition());
                    Object[] deep = cursorOfPage(page, deepPage(leads));
                    double first = median(page, new Object[] {Timestamp.valueOf("9999-01-01 00:00:00"), Long.MAX_VALUE});
                    double deepMs = median(page, deep);
                    System.out.printf("%-36s %,10d %10.3f %10.3f %12s%n", way.name(), matching, first, deepMs,
                            buffers(statement, sql, deep));
                }
            }
        }
    }

    /** A page far down the list, but within what the sparsest way has. */
    private static int deepPage(int leads) {
        return Math.max(1, leads / 16 / PAGE / 2);
    }

    private static void seed(Statement statement, int leads) throws SQLException {
        statement.execute("INSERT INTO users (name, email, password) VALUES ('owner', 'owner@bench.example', 'x')");
        statement.execute("INSERT INTO workspaces (name, owner_id) SELECT 'bench', min(id) FROM users");
        statement.execute("INSERT INTO businesses (name, owner_id) SELECT 'bench', min(id) FROM users");
        statement.execute("SET session_replication_role = replica"); // rows from before the triggers
        statement.execute("INSERT INTO leads (business_id, instagram_user_id, customer_name, status, status_enum,"
                + " created_at) SELECT (SELECT min(id) FROM businesses), 'ig' || g, 'Customer ' || g,"
                + " (ARRAY['NEW', 'CONTACTED', 'QUALIFIED', 'NEGOTIATING', 'CONVERTED', 'CLOSED', 'LOST', 'SPAM'])"
                + "[1 + g % 8], CASE WHEN g % 3 = 0 THEN (ARRAY['NEW', 'NEW', 'NEW', 'NEW', 'CONVERTED', 'CLOSED',"
                + " 'LOST', 'CLOSED'])[1 + g % 8]::lead_status END, timestamp '2026-11-01' - g * interval '1 minute'"
                + " FROM generate_series(1, " + leads + ") g");
        statement.execute("RESET session_replication_role");
        statement.execute("VACUUM ANALYZE leads");
    }

    private static long count(Statement statement, String condition) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM leads WHERE archived_at IS NULL AND "
                + condition)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The keyset position after {@code pages} pages. */
    private static Object[] cursorOfPage(PreparedStatement page, int pages) throws SQLException {
        Object[] after = {Timestamp.valueOf("9999-01-01 00:00:00"), Long.MAX_VALUE};
        for (int p = 1; p < pages; p++) {
            page.setObject(1, after[0]);
            page.setObject(2, after[1]);
            try (ResultSet rs = page.executeQuery()) {
                Object[] last = null;
                for (int row = 0; row < PAGE && rs.next(); row++) {
                    last = new Object[] {rs.getTimestamp("t"), rs.getLong("id")};
                }
                if (last == null) {
                    return after;
                }
                after = last;
            }
        }
        return after;
    }

    private static double median(PreparedStatement page, Object[] after) throws SQLException {
        double[] millis = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            page.setObject(1, after[0]);
            page.setObject(2, after[1]);
            long start = System.nanoTime();
            try (ResultSet rs = page.executeQuery()) {
                while (rs.next()) {
                    rs.getLong(1);
                }
            }
            millis[run] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[RUNS / 2];
    }

    /** Shared buffers the deep page touches, from its plan under the same generic plan. */
    private static String buffers(Statement statement, String sql, Object[] after) throws SQLException {
        statement.execute("PREPARE deep_page (timestamp, bigint) AS " + sql.replace("(?, ?)", "($1, $2)"));
        try (ResultSet rs = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE deep_page ('"
                + after[0] + "', " + after[1] + ")")) {
            long hits = 0;
            String scan = "?";
            java.util.regex.Pattern hit = java.util.regex.Pattern.compile("shared hit=(\\d+)");
            java.util.regex.Pattern node = java.util.regex.Pattern.compile("((?:Index Only |Index |Bitmap Heap |Seq )Scan"
                    + "(?: using \\w+)?) on leads");
            while (rs.next()) {
                String line = rs.getString(1);
                java.util.regex.Matcher m = hit.matcher(line);
                if (m.find() && hits == 0) {
                    hits = Long.parseLong(m.group(1));
                }
                java.util.regex.Matcher n = node.matcher(line);
                if (n.find() && scan.equals("?")) {
                    scan = n.group(1);
                }
            }
            return hits + " (" + scan + ")";
        } finally {
            statement.execute("DEALLOCATE deep_page");
        }
    }
}

package com.inboop.db.plans;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultExecuteListenerProvider;

/**
 * Plans of the list queries as a backend's driver runs them: a server-side prepared statement with bind values,
 * explained under {@code plan_cache_mode = force_generic_plan} (what the PostgreSQL driver gets from the sixth
 * execution on a connection on) and {@code force_custom_plan} (the first five).
 */
final class PreparedPlans {

    private static final Pattern ACTUAL_ROWS = Pattern.compile("actual (?:time=\\S+ )?rows=(\\d+)");
    private static final Pattern REMOVED = Pattern.compile("Rows Removed by Filter: (\\d+)");
    private static final Pattern SCAN = Pattern.compile("(Index Scan|Index Only Scan|Seq Scan|Bitmap Heap Scan) .*"
            + "actual (?:time=\\S+ )?rows=(\\d+)");
    private static final Pattern BUFFERS = Pattern.compile("Buffers: shared(?: hit=(\\d+))?(?: read=(\\d+))?");

    private PreparedPlans() {
    }

    /** The last statement {@code call} runs through a DSLContext derived from {@code dsl}. */
    static Query lastQuery(DSLContext dsl, java.util.function.Consumer<DSLContext> call) {
        List<Query> captured = new ArrayList<>();
        allQueries(dsl, call, captured);
        return captured.get(captured.size() - 1);
    }

    /** Every statement {@code call} runs through a DSLContext derived from {@code dsl}, added to {@code captured}. */
    static void allQueries(DSLContext dsl, java.util.function.Consumer<DSLContext> call, List<Query> captured) {
        DSLContext capturing = dsl.configuration().derive(new DefaultExecuteListenerProvider(new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext ctx) {
                if (ctx.query() != null) {
                    captured.add(ctx.query());
                }
            }
        })).dsl();
        call.accept(capturing);
    }

    /** EXPLAIN ANALYZE of {@code query} prepared with its binds as parameters, under {@code planCacheMode}. */
    static String explain(Connection connection, Query query, String planCacheMode) throws SQLException {
        return explain(connection, query, planCacheMode, false);
    }

    /** As {@link #explain(Connection, Query, String)}, with the buffers each node touched if {@code buffers}. */
    static String explain(Connection connection, Query query, String planCacheMode, boolean buffers)
            throws SQLException {
        DSLContext renderer = DSL.using(SQLDialect.POSTGRES);
        String sql = numbered(renderer.render(query));
        StringJoiner values = new StringJoiner(", ", "(", ")");
        for (Object value : query.getBindValues()) {
            values.add(renderer.renderInlined(DSL.val(value)));
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET plan_cache_mode = " + planCacheMode);
            statement.execute("DEALLOCATE ALL");
            statement.execute("PREPARE list_page AS " + sql);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = statement.executeQuery("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF" + (buffers ? ", BUFFERS" : "") + ") EXECUTE list_page"
                    + (query.getBindValues().isEmpty() ? "" : values.toString()))) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            statement.execute("DEALLOCATE list_page");
            statement.execute("RESET plan_cache_mode");
            return plan.toString();
        }
    }

    /** The plan's nodes (operation, index, relation), one per line, without conditions, estimates or timings. */
    static String shape(String plan) {
        StringJoiner shape = new StringJoiner("\n");
        boolean first = true;
        for (String line : plan.split("\n")) {
            if (first || line.contains("->")) {
                String node = line.replaceFirst("^\\s*->\\s*", "").replaceFirst("\\s*\\(.*$", "");
                shape.add(node.strip());
            }
            first = false;
        }
        return shape.toString();
    }

    /** The rows the first scan on {@code index} read: those it returned plus those its filter removed. */
    static int rowsFrom(String plan, String index) {
        String[] lines = plan.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(" using " + index + " ")) {
                Matcher m = ACTUAL_ROWS.matcher(lines[i]);
                if (!m.find()) {
                    break;
                }
                int rows = Integer.parseInt(m.group(1));
                for (int j = i + 1; j < lines.length && !lines[j].contains("->"); j++) {
                    Matcher removed = REMOVED.matcher(lines[j]);
                    if (removed.find()) {
                        rows += Integer.parseInt(removed.group(1));
                    }
                }
                return rows;
            }
        }
        throw new AssertionError("no scan of " + index + " in\n" + plan);
    }

    /** jOOQ's {@code ?} placeholders (outside quoted literals) as Postgres' {@code $1, $2, ...}. */
    static String numbered(String sql) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        boolean quoted = false;
        for (char c : sql.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == '?' && !quoted) {
                out.append('$').append(++n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Rows all the plan's scans of the list read (contacts' lookups aside): returned plus removed by filters. */
    static long rowsRead(String plan) {
        long rows = 0;
        for (String line : plan.split("\n")) {
            Matcher scan = SCAN.matcher(line);
            if (scan.find() && !line.contains("contacts")) {
                rows += Long.parseLong(scan.group(2));
            }
            Matcher removed = REMOVED.matcher(line);
            if (removed.find()) {
                rows += Long.parseLong(removed.group(1));
            }
        }
        return rows;
    }

    /** Shared buffers the whole plan touched (its top node's count); -1 without BUFFERS. */
    static long buffers(String plan) {
        Matcher m = BUFFERS.matcher(plan);
        if (!m.find()) {
            return -1;
        }
        return (m.group(1) == null ? 0 : Long.parseLong(m.group(1)))
                + (m.group(2) == null ? 0 : Long.parseLong(m.group(2)));
    }
}

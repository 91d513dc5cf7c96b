package com.inboop.codegen.guard.semantic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import com.inboop.codegen.catalog.CatalogSnapshot;
import com.inboop.codegen.failure.CodegenException;
import com.inboop.codegen.migrate.MigrationObserver;

/**
 * A Flyway callback that watches each migration as it is applied: the catalog before and after it, and the table
 * locks its transaction holds just before it commits. It sees through DO blocks and anything else the static layer
 * cannot read, in every schema the history touches (objects outside {@code public} named {@code schema.name}). V001,
 * the baseline, is applied but not judged.
 */
public final class SemanticGuard extends MigrationObserver {

    private static final String LOCKS = """
            SELECT CASE WHEN n.nspname = 'public' THEN c.relname ELSE n.nspname || '.' || c.relname END AS name, l.mode
              FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.granted
               AND l.mode <> 'AccessShareLock'
               AND c.relkind IN ('r', 'p') AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
             ORDER BY 1, l.mode""";

    private static final MigrationVersion BASELINE = MigrationVersion.fromVersion("1");

    private final List<MigrationEffect> effects = new ArrayList<>();
    private final Map<String, Set<String>> truncatedByScript;
    private CatalogSnapshot current;
    private long nanos;
    private int applied;

    /**
     * @param truncatedByScript the tables each migration's text truncates, by script name: TRUNCATE gives a table
     *                          new storage, which is not a rewrite of its rows (the static layer reports it as IB208)
     */
    public SemanticGuard(Map<String, Set<String>> truncatedByScript) {
        super(Event.BEFORE_EACH_MIGRATE, Event.AFTER_EACH_MIGRATE);
        this.truncatedByScript = Map.copyOf(truncatedByScript);
    }

    @Override
    public void handle(Event event, Context context) {
        long start = System.nanoTime();
        try {
            Connection connection = context.getConnection();
            if (event == Event.BEFORE_EACH_MIGRATE) {
                if (current == null) {
                    current = CatalogSnapshot.readAll(connection);
                }
                return;
            }
            applied++;
            String script = context.getMigrationInfo().getScript();
            CatalogSnapshot after = CatalogSnapshot.readAll(connection);
            if (!BASELINE.equals(context.getMigrationInfo().getVersion())) {
                Map<String, List<String>> locks = locks(connection, current);
                effects.add(new MigrationEffect(script, CatalogChanges.classify(script, current, after, locks,
                        truncatedByScript.getOrDefault(script, Set.of())), locks));
            }
            current = after;
        } catch (SQLException e) {
            throw new CodegenException("The migration guard could not read the catalog after "
                    + context.getMigrationInfo().getScript() + ": " + e.getMessage(), e);
        } finally {
            nanos += System.nanoTime() - start;
        }
    }

    /** Time spent in this layer so far (catalog snapshots and lock queries), in milliseconds. */
    public long elapsedMillis() {
        return nanos / 1_000_000;
    }

    /** How many files it saw applied, the baseline included. */
    public int appliedFiles() {
        return applied;
    }

    /** What each judged migration did, in order of application. */
    public List<MigrationEffect> effects() {
        return List.copyOf(effects);
    }

    private static Map<String, List<String>> locks(Connection connection, CatalogSnapshot before) throws SQLException {
        Map<String, List<String>> locks = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(LOCKS);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                if (before.tables().containsKey(rs.getString(1))) {
                    locks.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return locks;
    }
}

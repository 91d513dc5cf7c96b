package com.inboop.db.replica;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import com.inboop.codegen.catalog.CatalogSnapshot;
import com.inboop.db.migration.InboopMigrations;

/**
 * Builds databases shaped like Inboop's production, the way production got there (the fact sheet's "How production
 * got here"): the backend's own Flyway migrations V1..V13 (replicas of them, in {@code replica/backend}) applied
 * with the backend's settings into {@code flyway_schema_history}, Hibernate's additions, and rows holding every
 * legacy value.
 */
public final class ProductionReplica {

    /** The backend's own Flyway history table. */
    public static final String BACKEND_HISTORY = CatalogSnapshot.BACKEND_HISTORY_TABLE;

    private static final String ROOT = "com/inboop/db/replica/";

    /** A starting state of a production database. */
    public enum State {
        /** The backend's history 1..13 on a database that was empty; no Hibernate additions. */
        HISTORY_ONLY,
        /**
         * Hibernate's webhook_logs before the backend's first Flyway run (so a baseline row at 0), then 1..13, then
         * the columns Hibernate added.
         */
        HIBERNATE_DRIFT,
        /**
         * The backend's history 1..13 on a database that was empty, then only some of Hibernate's columns: one of its
         * unique keys, and the other's column without its key (as when Hibernate's quiet creation failed).
         */
        SOME_HIBERNATE_DRIFT
    }

    private ProductionReplica() {
    }

    /** Builds {@code state} with its legacy rows into an empty database. */
    public static void build(DataSource dataSource, State state) {
        if (state == State.HIBERNATE_DRIFT) {
            execute(dataSource, "hibernate/webhook-logs.sql");
        }
        backendFlyway(dataSource, "13").migrate();
        execute(dataSource, "legacy-rows.sql");
        if (state == State.HIBERNATE_DRIFT) {
            execute(dataSource, "hibernate/added-columns.sql");
            execute(dataSource, "hibernate/rows.sql");
        }
        if (state == State.SOME_HIBERNATE_DRIFT) {
            execute(dataSource, "hibernate/some-added-columns.sql");
        }
    }

    /** The backend's Flyway as it is deployed (baselineOnMigrate at 0), up to {@code target}. */
    public static Flyway backendFlyway(DataSource dataSource, String target) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:" + ROOT + "backend")
                .table(BACKEND_HISTORY)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .target(target)
                .load();
    }

    /** inboop-db's own migrations, with its settings, up to and including {@code version}: an older database. */
    public static void migrateUpTo(DataSource dataSource, String version) {
        Flyway.configure(ProductionReplica.class.getClassLoader())
                .configuration(InboopMigrations.flyway(dataSource).getConfiguration())
                .target(version)
                .load()
                .migrate();
    }

    /** Runs one of the replica's SQL files. */
    public static void execute(DataSource dataSource, String file) {
        try (InputStream in = ProductionReplica.class.getClassLoader().getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new IllegalStateException("Test resource " + ROOT + file + " is missing");
            }
            executeSql(dataSource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs SQL as one script. */
    public static void executeSql(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Replica SQL failed: " + e.getMessage(), e);
        }
    }

    /**
     * The backend's history table, every column of every row, in order (to prove it is never changed); "absent" if
     * the database has none.
     */
    public static String backendHistory(DataSource dataSource) {
        if (text(dataSource, "SELECT to_regclass('public." + BACKEND_HISTORY + "') IS NULL").equals("t")) {
            return "absent";
        }
        return text(dataSource, "SELECT string_agg(h::text, E'\\n' ORDER BY installed_rank) FROM " + BACKEND_HISTORY
                + " h");
    }

    /** The columns of every table, by table, in column order. */
    public static Map<String, List<String>> columns(DataSource dataSource) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT c.relname, a.attname FROM pg_attribute a
                       JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                      WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
                      ORDER BY c.relname, a.attnum""")) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add('"' + rs.getString(2) + '"');
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return columns;
    }

    /**
     * A digest of every row of the given tables over the given columns: taken with the columns a database had before
     * migrating, before and after, it proves that no pre-existing row or value changed.
     */
    public static Map<String, String> rowDigests(DataSource dataSource, Map<String, List<String>> columns) {
        Map<String, String> digests = new LinkedHashMap<>();
        columns.forEach((table, names) -> digests.put(table, text(dataSource,
                "SELECT count(*) || ':' || coalesce(md5(string_agg(r::text, '|' ORDER BY r::text)), '') FROM (SELECT "
                        + String.join(", ", names) + " FROM \"" + table + "\") r")));
        return digests;
    }

    private static String text(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}

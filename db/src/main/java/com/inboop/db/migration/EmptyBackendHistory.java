package com.inboop.db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.inboop.db.InboopDbException;

/**
 * A database that holds nothing but an empty {@code flyway_schema_history}: what a Flyway that found no migrations
 * leaves behind, typically Spring Boot's own on an application's first start (its default location holds nothing).
 * For inboop-db such a database is empty: it is built from V001, never refused as an unknown schema.
 */
final class EmptyBackendHistory {

    private static final String QUERY = """
            SELECT to_regclass('public.inboop_schema_history') IS NULL
               AND to_regclass('public.flyway_schema_history') IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                                  AND c.relname <> 'flyway_schema_history')
               AND NOT EXISTS (SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                                WHERE n.nspname = 'public' AND t.typtype = 'e')""";

    private EmptyBackendHistory() {
    }

    /** True if {@code flyway_schema_history} is all there is in the public schema, and it is empty. */
    static boolean isAllThereIs(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(QUERY)) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return false;
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM public.flyway_schema_history)")) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new InboopDbException("inboop-db could not read the database's catalog before migrating: "
                    + e.getMessage(), e);
        }
    }
}

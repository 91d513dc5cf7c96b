package com.inboop.codegen.align;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalInt;

import org.flywaydb.core.api.MigrationVersion;

import com.inboop.codegen.catalog.CatalogSnapshot;
import com.inboop.codegen.failure.CodegenException;
import com.inboop.codegen.migrate.MigrationFiles;
import com.inboop.codegen.migrate.MigrationRunner;
import com.inboop.codegen.postgres.EphemeralPostgres;
import com.inboop.codegen.postgres.JdbcTarget;
import com.inboop.codegen.postgres.ThrowawayDatabase;

/** The catalogs {@code align} compares: a live database read read-only, the migrations, or the design file. */
public final class SchemaSources {

    private SchemaSources() {
    }

    /** A catalog and the version the next proposed migration takes. */
    public record Source(CatalogSnapshot catalog, int nextVersion) {
    }

    /**
     * Reads a live database's schema in a read-only session: the role needs no privilege beyond connecting (the
     * catalog is public), and nothing can be written. The next version follows its Flyway history, or V001 if it
     * has none (the legacy schema).
     */
    public static Source live(JdbcTarget database) {
        try (Connection connection = readOnly(database)) {
            return new Source(CatalogSnapshot.read(connection, "public"), newestApplied(connection).orElse(1) + 1);
        } catch (SQLException e) {
            throw new CodegenException("Cannot read the schema of " + database.url() + " as '" + database.user()
                    + "': " + e.getMessage(), e);
        }
    }

    /** A connection on which Postgres refuses every write. */
    public static Connection readOnly(JdbcTarget database) throws SQLException {
        Connection connection = database.connect();
        connection.setReadOnly(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
        }
        return connection;
    }

    /** What the migrations in {@code folder} build, on a database of {@code postgres}. */
    public static Source migrations(Path folder, MigrationRunner runner, EphemeralPostgres postgres) {
        MigrationFiles files = MigrationFiles.in(folder);
        try (ThrowawayDatabase database = ThrowawayDatabase.create(postgres, "inboop_align_source")) {
            runner.migrate(database.target(), files);
            int newest = files.scripts().stream()
                    .map(p -> p.getFileName().toString())
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .max().orElse(0);
            try (Connection connection = database.target().connect()) {
                return new Source(CatalogSnapshot.read(connection, "public"), newest + 1);
            }
        } catch (SQLException e) {
            throw new CodegenException("Cannot read the schema the migrations in " + folder + " build: "
                    + e.getMessage(), e);
        }
    }

    /** The design's target: {@code designFile} applied to an empty database of {@code postgres}. */
    public static CatalogSnapshot design(Path designFile, EphemeralPostgres postgres) {
        String sql;
        try {
            sql = Files.readString(designFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CodegenException.io("Cannot read the design file " + designFile.toAbsolutePath()
                    + "; pass --design FILE", e);
        }
        try (ThrowawayDatabase database = ThrowawayDatabase.create(postgres, "inboop_align_design");
             Connection connection = database.target().connect();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return CatalogSnapshot.read(connection, "public");
        } catch (SQLException e) {
            throw new CodegenException(designFile.toAbsolutePath() + " does not apply to an empty database: "
                    + e.getMessage() + ". Fix the design file.", e);
        }
    }

    private static OptionalInt newestApplied(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet exists = statement.executeQuery(
                     "SELECT to_regclass('public." + CatalogSnapshot.INBOOP_HISTORY_TABLE + "') IS NOT NULL"
                             + " AND has_table_privilege('public." + CatalogSnapshot.INBOOP_HISTORY_TABLE
                             + "', 'SELECT')")) {
            exists.next();
            if (!exists.getBoolean(1)) {
                return OptionalInt.empty();
            }
        }
        MigrationVersion newest = null;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT version FROM public." + CatalogSnapshot.INBOOP_HISTORY_TABLE
                             + " WHERE success AND version IS NOT NULL")) {
            while (rs.next()) {
                MigrationVersion version = MigrationVersion.fromVersion(rs.getString(1));
                newest = newest == null || version.compareTo(newest) > 0 ? version : newest;
            }
        }
        return newest == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(newest.getVersion()));
    }
}

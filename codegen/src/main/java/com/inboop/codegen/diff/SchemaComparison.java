package com.inboop.codegen.diff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import com.inboop.codegen.catalog.CatalogSnapshot;
import com.inboop.codegen.failure.CodegenException;
import com.inboop.codegen.io.Directories;
import com.inboop.codegen.migrate.MigrationFailedException;
import com.inboop.codegen.migrate.MigrationFiles;
import com.inboop.codegen.migrate.MigrationRunner;
import com.inboop.codegen.postgres.EphemeralPostgres;
import com.inboop.codegen.postgres.ThrowawayDatabase;

/**
 * Builds the schema of two points on throwaway databases and diffs their catalogs with {@link SchemaDiff}. The
 * migrations of each point are copied to a temporary folder, deleted afterwards.
 */
public final class SchemaComparison {

    private SchemaComparison() {
    }

    /** The changes from {@code from} to {@code to}, on databases of {@code postgres}. */
    public static List<SchemaChange> compare(MigrationSource from, MigrationSource to, Path repository,
                                             MigrationRunner runner, EphemeralPostgres postgres) {
        Path work = null;
        try {
            work = Files.createTempDirectory("inboop-diff-");
            Path fromFolder = from.extractTo(repository, Files.createDirectory(work.resolve("from")));
            Path toFolder = to.extractTo(repository, Files.createDirectory(work.resolve("to")));
            return SchemaDiff.between(snapshot(postgres, runner, from, fromFolder),
                    snapshot(postgres, runner, to, toFolder));
        } catch (IOException e) {
            throw CodegenException.io("Cannot create a temporary folder for the diff", e);
        } finally {
            if (work != null) {
                Directories.deleteRecursively(work);
            }
        }
    }

    private static CatalogSnapshot snapshot(EphemeralPostgres postgres, MigrationRunner runner, MigrationSource source,
                                            Path folder) {
        try (ThrowawayDatabase database = ThrowawayDatabase.create(postgres, "inboop_diff")) {
            try {
                runner.migrate(database.target(), MigrationFiles.in(folder));
            } catch (MigrationFailedException e) {
                // Name the migration where the user can find it, not the temporary copy that was applied.
                String where = e.script().map(script -> script.toAbsolutePath().normalize().toString()).orElse("");
                String message = where.isEmpty() ? e.getMessage() : e.getMessage().replace(where,
                        source.locate(e.script().get().getFileName().toString()));
                throw new MigrationNotAppliedException("The migrations of " + source.spec() + " do not apply, so "
                        + "there is no schema to compare:\n" + message, e);
            }
            try (Connection connection = database.target().connect()) {
                return CatalogSnapshot.read(connection, "public");
            }
        } catch (SQLException e) {
            throw new CodegenException("Cannot read the catalog built from " + folder + ": " + e.getMessage(), e);
        }
    }
}

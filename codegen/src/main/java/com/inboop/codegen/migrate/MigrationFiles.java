package com.inboop.codegen.migrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.inboop.codegen.failure.CodegenException;

/**
 * The files of a migrations folder that Flyway reads (migrations, SQL callbacks such as {@code beforeEachMigrate.sql}, and
 * {@code *.sql.conf} script configurations), in name order.
 *
 * @param directory the folder
 * @param files     its migration files and script configurations, sorted by name
 */
public record MigrationFiles(Path directory, List<Path> files) {

    /** Lists {@code directory}; fails if it does not exist or holds no SQL migration. */
    public static MigrationFiles in(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new CodegenException("Migrations folder " + directory.toAbsolutePath() + " does not exist. Pass "
                    + "the folder that holds V001__initial_schema.sql.");
        }
        try (Stream<Path> listing = Files.list(directory)) {
            List<Path> files = listing
                    .filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".sql")
                            || p.getFileName().toString().endsWith(".sql.conf"))
                    .sorted()
                    .toList();
            MigrationFiles migrations = new MigrationFiles(directory, files);
            if (migrations.scripts().isEmpty()) {
                throw new CodegenException("Migrations folder " + directory.toAbsolutePath() + " holds no V*.sql "
                        + "migration. Add V001__initial_schema.sql, or pass the right folder.");
            }
            return migrations;
        } catch (IOException e) {
            throw CodegenException.io("Cannot list migrations folder " + directory.toAbsolutePath(), e);
        }
    }

    /** The versioned SQL migrations ({@code V...sql}) alone, without callbacks and script configurations. */
    public List<Path> scripts() {
        return files.stream()
                .filter(p -> p.getFileName().toString().startsWith("V") && p.getFileName().toString().endsWith(".sql"))
                .toList();
    }

    /** {@code V001..V007}: the first and last version prefix, for log lines. */
    public String versionRange() {
        List<Path> scripts = scripts();
        String first = versionOf(scripts.get(0));
        String last = versionOf(scripts.get(scripts.size() - 1));
        return first.equals(last) ? first : first + ".." + last;
    }

    private static String versionOf(Path script) {
        String name = script.getFileName().toString();
        int separator = name.indexOf("__");
        return separator > 0 ? name.substring(0, separator) : name;
    }
}

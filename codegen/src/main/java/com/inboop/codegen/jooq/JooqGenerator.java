package com.inboop.codegen.jooq;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.stream.Stream;

import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

import com.inboop.codegen.catalog.CatalogSnapshot;
import com.inboop.codegen.failure.CodegenException;
import com.inboop.codegen.io.Directories;
import com.inboop.codegen.postgres.JdbcTarget;

/**
 * Runs jOOQ's {@link GenerationTool} with a configuration in jOOQ's own XML format. Only two things are injected:
 * the JDBC connection of the throwaway database, and the output directory (absolute, so the result does not depend
 * on where Maven was started).
 *
 * <p>Classes are written to a staging directory that replaces the output directory only once generation succeeded,
 * so a failed run never leaves half-written sources behind.
 */
public final class JooqGenerator {

    private static final String STAGING_PREFIX = ".staging-";

    private final Path configFile;
    private Configuration configuration;

    public JooqGenerator(Path configFile) {
        this.configFile = configFile;
    }

    /**
     * Reads the configuration and loads the generator's classes now rather than when generating; returns this
     * generator. Fails here if the configuration is invalid.
     */
    public JooqGenerator warmedUp() {
        configuration();
        try {
            Class.forName("org.jooq.meta.postgres.PostgresDatabase", true, getClass().getClassLoader());
            Class.forName("org.jooq.codegen.JavaGenerator", true, getClass().getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("jooq-codegen and jooq-meta must be on the helper's classpath", e);
        }
        return this;
    }

    /** What was generated: counted in the database the classes were generated from. */
    public record Generated(int tables, int enums) {
    }

    /**
     * Generates classes for {@code database} into {@code output}, replacing what was there.
     *
     * @param beforePublish called with the staging directory once generation succeeded, before it replaces
     *                      {@code output}: the place to add files that must appear together with the classes
     */
    public Generated generate(JdbcTarget database, Path output, StagingStep beforePublish) {
        Path parent = output.toAbsolutePath().getParent();
        Path staging = parent.resolve(output.getFileName() + STAGING_PREFIX + ProcessHandle.current().pid());
        try {
            Files.createDirectories(parent);
            removeStaleStaging(parent, output.getFileName().toString());
            Configuration configuration = configuration();
            configuration.withJdbc(new Jdbc()
                    .withDriver("org.postgresql.Driver")
                    .withUrl(database.url())
                    .withUser(database.user())
                    .withPassword(database.password()));
            Target target = configuration.getGenerator().getTarget();
            if (target == null) {
                target = new Target();
                configuration.getGenerator().withTarget(target);
            }
            target.withDirectory(staging.toString()).withClean(true);
            GenerationTool.generate(configuration);
            beforePublish.accept(staging);
            Generated generated = count(database);
            // Two renames, never a deletion in place: a kill between them leaves no output (and so no fingerprint,
            // and the next build regenerates), never a half-deleted one that a stored fingerprint calls current.
            Path retired = parent.resolve(output.getFileName() + STAGING_PREFIX + "retired-"
                    + ProcessHandle.current().pid());
            if (Files.exists(output)) {
                Files.move(output, retired, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, output, StandardCopyOption.ATOMIC_MOVE);
            Directories.deleteRecursively(retired);
            return generated;
        } catch (IOException e) {
            throw CodegenException.io("Cannot write generated classes to " + output, e);
        } catch (CodegenException e) {
            throw e;
        } catch (Exception e) {
            throw new GenerationFailedException("jOOQ could not generate classes with " + configFile.toAbsolutePath()
                    + ": " + e.getMessage() + "\nCheck that file against jOOQ's codegen manual; the helper only "
                    + "injects <jdbc> and <target><directory>.", e);
        } finally {
            Directories.deleteRecursively(staging);
        }
    }

    /** Work on the staging directory that may fail and so must happen before it is published. */
    @FunctionalInterface
    public interface StagingStep {
        void accept(Path staging) throws IOException;
    }

    private Configuration configuration() {
        if (configuration == null) {
            try {
                configuration = load();
            } catch (IOException e) {
                throw CodegenException.io("Cannot read jOOQ configuration " + configFile.toAbsolutePath(), e);
            }
        }
        return configuration;
    }

    private Configuration load() throws IOException {
        if (!Files.isRegularFile(configFile)) {
            throw new CodegenException("jOOQ configuration " + configFile.toAbsolutePath() + " does not exist; "
                    + "pass the db module's src/main/jooq/jooq-codegen.xml.");
        }
        try (InputStream in = Files.newInputStream(configFile)) {
            Configuration configuration = GenerationTool.load(in);
            if (configuration.getGenerator() == null) {
                throw new CodegenException("jOOQ configuration " + configFile.toAbsolutePath()
                        + " has no <generator> element; add one (see jOOQ's codegen manual).");
            }
            return configuration;
        }
    }

    private static void removeStaleStaging(Path parent, String outputName) throws IOException {
        try (Stream<Path> siblings = Files.list(parent)) {
            siblings.filter(p -> p.getFileName().toString().startsWith(outputName + STAGING_PREFIX))
                    .forEach(Directories::deleteRecursively);
        }
    }

    private static Generated count(JdbcTarget database) {
        String sql = """
                SELECT (SELECT count(*) FROM pg_tables
                         WHERE schemaname = 'public'
                           AND tablename <> ALL (?)),
                       (SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                         WHERE n.nspname = 'public' AND t.typtype = 'e')""";
        try (Connection connection = database.connect();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", CatalogSnapshot.HISTORY_TABLES.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return new Generated(rs.getInt(1), rs.getInt(2));
            }
        } catch (SQLException e) {
            throw new CodegenException("Cannot count the generated tables in " + database.url() + ": "
                    + e.getMessage(), e);
        }
    }
}

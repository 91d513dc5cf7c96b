package com.inboop.codegen.junit;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import com.inboop.codegen.migrate.MigrationFiles;
import com.inboop.codegen.migrate.MigrationRunner;
import com.inboop.codegen.postgres.EphemeralPostgres;
import com.inboop.codegen.postgres.PostgresSettings;
import com.inboop.codegen.postgres.ThrowawayDatabase;
import com.inboop.codegen.toolchain.Toolchain;

/**
 * Gives each test class its own fully migrated database in milliseconds: one Postgres per test JVM (provider chosen
 * as in the build, {@code -Dinboop.postgres=...}), the migrations applied once to a template database, and each
 * class's database made with {@code CREATE DATABASE ... TEMPLATE}. Everything is dropped and stopped when the test
 * JVM's run ends.
 *
 * <p>Test methods, constructors and lifecycle methods get a {@link TestDatabase}, or the server itself as an
 * {@link EphemeralPostgres}. The migrations folder and Flyway settings come from the system properties {@value #MIGRATIONS} and
 * {@value #FLYWAY_CONF}, which the parent POM's Surefire configuration sets.
 */
public final class MigratedDatabaseExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    /** System property: the migrations folder to apply to the template. */
    public static final String MIGRATIONS = "inboop.migrations.dir";
    /** System property: the Flyway settings file shared with production. */
    public static final String FLYWAY_CONF = "inboop.flyway.conf";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(MigratedDatabaseExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Template template = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Template.class, key -> Template.create(), Template.class);
        context.getStore(NAMESPACE).put(ClassDatabase.class, new ClassDatabase(template.copy()));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ClassDatabase database = context.getStore(NAMESPACE).remove(ClassDatabase.class, ClassDatabase.class);
        if (database != null) {
            database.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestDatabase.class || type == EphemeralPostgres.class;
    }

    /**
     * A {@link TestDatabase} of the test class, or the JVM-wide {@link EphemeralPostgres} itself for tests that make
     * databases of their own on it (they must not close it).
     */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == EphemeralPostgres.class) {
            return context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(Template.class, key -> Template.create(), Template.class).server();
        }
        ClassDatabase database = context.getStore(NAMESPACE).get(ClassDatabase.class, ClassDatabase.class);
        if (database == null) {
            throw new ParameterResolutionException("No test database for " + context.getDisplayName()
                    + ": register MigratedDatabaseExtension on the test class with @ExtendWith.");
        }
        return new TestDatabase(database.database().name(), database.database().target());
    }

    /** The per-class copy; closed (dropped) after the class's tests, or with the store if a test run aborts. */
    private record ClassDatabase(ThrowawayDatabase database) implements AutoCloseable {
        @Override
        public void close() {
            database.close();
        }
    }

    /** The JVM-wide server and migrated template; closed when the root store closes at the end of the run. */
    private record Template(EphemeralPostgres server, ThrowawayDatabase database) implements AutoCloseable {

        static Template create() {
            Path migrations = Path.of(requiredProperty(MIGRATIONS));
            Path flywayConf = Path.of(requiredProperty(FLYWAY_CONF));
            EphemeralPostgres server = PostgresSettings.fromEnvironment(Toolchain.current().postgresImage()).start();
            try {
                ThrowawayDatabase template = ThrowawayDatabase.create(server, "inboop_template");
                try {
                    MigrationRunner.withSettings(flywayConf).migrate(template.target(), MigrationFiles.in(migrations));
                    return new Template(server, template);
                } catch (RuntimeException e) {
                    template.close();
                    throw e;
                }
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        }

        ThrowawayDatabase copy() {
            return ThrowawayDatabase.copyOf(database, "inboop_test");
        }

        @Override
        public void close() {
            try {
                database.close();
            } finally {
                server.close();
            }
        }

        private static String requiredProperty(String name) {
            String value = System.getProperty(name);
            if (value == null || value.isBlank()) {
                throw new IllegalStateException("System property " + name + " is not set. The parent POM's Surefire "
                        + "configuration sets it; outside Maven, pass -D" + name + "=PATH.");
            }
            return value;
        }
    }
}

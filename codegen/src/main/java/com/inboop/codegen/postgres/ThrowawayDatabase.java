package com.inboop.codegen.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import com.inboop.codegen.CodegenException;

/**
 * A database with a random name, created on an {@link EphemeralPostgres} and dropped on close, even if connections
 * are still open. Also dropped by a shutdown hook if the JVM exits first, so an interrupted build leaves nothing on
 * a shared server.
 */
public final class ThrowawayDatabase implements AutoCloseable {

    private final JdbcTarget maintenance;
    private final String name;
    private final Thread dropOnExit;
    private boolean dropped;

    private ThrowawayDatabase(JdbcTarget maintenance, String name) {
        this.maintenance = maintenance;
        this.name = name;
        this.dropOnExit = new Thread(this::dropQuietly, "drop-" + name);
        Runtime.getRuntime().addShutdownHook(dropOnExit);
    }

    /** Creates an empty database named {@code <prefix>_<random>}. */
    public static ThrowawayDatabase create(EphemeralPostgres server, String prefix) {
        return create(server.maintenance(), prefix);
    }

    /** Creates an empty database named {@code <prefix>_<random>} on the server {@code maintenance} connects to. */
    public static ThrowawayDatabase create(JdbcTarget maintenance, String prefix) {
        return createFrom(maintenance, prefix, "template0");
    }

    /**
     * Creates a copy of {@code template}, which must have no open connections. Postgres copies files, so this takes
     * milliseconds however many migrations the template holds.
     */
    public static ThrowawayDatabase copyOf(ThrowawayDatabase template, String prefix) {
        return createFrom(template.maintenance, prefix, template.name);
    }

    private static ThrowawayDatabase createFrom(JdbcTarget maintenance, String prefix, String template) {
        String name = prefix + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        execute(maintenance, "CREATE DATABASE \"" + name + "\" TEMPLATE \"" + template + "\"",
                "Could not create database " + name + " from " + template);
        return new ThrowawayDatabase(maintenance, name);
    }

    /** The database's name. */
    public String name() {
        return name;
    }

    /** How to connect to this database. */
    public JdbcTarget target() {
        return maintenance.withDatabase(name);
    }

    @Override
    public void close() {
        drop();
        try {
            Runtime.getRuntime().removeShutdownHook(dropOnExit);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down and the hook is running or has run: nothing left to unregister.
        }
    }

    /**
     * The shutdown hook. On an embedded server that its own hook is stopping at the same moment the drop cannot
     * connect, and needs not: the whole data directory goes. So a failure here is one line, never a stack trace.
     */
    private void dropQuietly() {
        try {
            drop();
        } catch (CodegenException e) {
            System.err.println("inboop: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private synchronized void drop() {
        if (dropped) {
            return;
        }
        dropped = true;
        execute(maintenance, "DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)",
                "Could not drop database " + name + "; drop it by hand");
    }

    private static void execute(JdbcTarget maintenance, String sql, String failure) {
        try (Connection connection = maintenance.connect();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new CodegenException(failure + " on " + maintenance.url() + ": " + e.getMessage(), e);
        }
    }
}

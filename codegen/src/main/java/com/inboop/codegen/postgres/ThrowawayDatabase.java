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

    private final EphemeralPostgres server;
    private final String name;
    private final Thread dropOnExit;
    private boolean dropped;

    private ThrowawayDatabase(EphemeralPostgres server, String name) {
        this.server = server;
        this.name = name;
        this.dropOnExit = new Thread(this::drop, "drop-" + name);
        Runtime.getRuntime().addShutdownHook(dropOnExit);
    }

    /** Creates an empty database named {@code <prefix>_<random>}. */
    public static ThrowawayDatabase create(EphemeralPostgres server, String prefix) {
        return createFrom(server, prefix, "template0");
    }

    /**
     * Creates a copy of {@code template}, which must have no open connections. Postgres copies files, so this takes
     * milliseconds however many migrations the template holds.
     */
    public static ThrowawayDatabase copyOf(ThrowawayDatabase template, String prefix) {
        return createFrom(template.server, prefix, template.name);
    }

    private static ThrowawayDatabase createFrom(EphemeralPostgres server, String prefix, String template) {
        String name = prefix + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        execute(server, "CREATE DATABASE \"" + name + "\" TEMPLATE \"" + template + "\"",
                "Could not create database " + name + " from " + template);
        return new ThrowawayDatabase(server, name);
    }

    /** The database's name. */
    public String name() {
        return name;
    }

    /** How to connect to this database. */
    public JdbcTarget target() {
        return server.maintenance().withDatabase(name);
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

    private synchronized void drop() {
        if (dropped) {
            return;
        }
        dropped = true;
        execute(server, "DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)",
                "Could not drop database " + name + "; drop it by hand");
    }

    private static void execute(EphemeralPostgres server, String sql, String failure) {
        try (Connection connection = server.maintenance().connect();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new CodegenException(failure + " on " + server.description() + ": " + e.getMessage(), e);
        }
    }
}

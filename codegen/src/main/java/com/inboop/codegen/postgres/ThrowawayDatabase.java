package com.inboop.codegen.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.inboop.codegen.failure.CodegenException;

/**
 * A database with a random name, created on an {@link EphemeralPostgres} and dropped on close, even if connections
 * are still open. Also dropped by a shutdown hook if the JVM exits first, so an interrupted build leaves nothing on
 * a shared server. A JVM killed outright runs no hook: its databases are found later by name and age
 * ({@link #dropLeftovers}), which the server provider does every time it connects.
 */
public final class ThrowawayDatabase implements AutoCloseable {

    /**
     * After how many minutes (default 60) a throwaway database nobody is connected to counts as left behind by a
     * killed run: {@code -Dinboop.postgres.leftoverMinutes=N}. Longer than any build or test run.
     */
    public static final String LEFTOVER_MINUTES = "inboop.postgres.leftoverMinutes";

    /**
     * {@code <prefix>_t<creation time, epoch seconds in base 36>_<8 random hex digits>}; the prefix always starts
     * with {@code inboop_}. The time is in the name so that a later run can tell a leftover from a database in use
     * without any bookkeeping of its own.
     */
    private static final Pattern NAME = Pattern.compile("inboop_[a-z0-9_]*_t([0-9a-z]{1,8})_[0-9a-f]{8}");

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
        String name = prefix + "_t" + Long.toString(Instant.now().getEpochSecond(), Character.MAX_RADIX) + "_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        execute(maintenance, "CREATE DATABASE \"" + name + "\" TEMPLATE \"" + template + "\"",
                "Could not create database " + name + " from " + template);
        return new ThrowawayDatabase(maintenance, name);
    }

    /**
     * Drops the throwaway databases on the server {@code maintenance} connects to that are older than
     * {@code olderThan} and that nobody is connected to: what runs killed before their shutdown hooks could drop
     * them left behind. A database in use is left alone (Postgres refuses to drop it without FORCE, which this
     * never uses), and so is any database not named like a throwaway one.
     *
     * @return the names dropped
     */
    public static List<String> dropLeftovers(JdbcTarget maintenance, Duration olderThan) {
        long cutoff = Instant.now().minus(olderThan).getEpochSecond();
        List<String> dropped = new ArrayList<>();
        try (Connection connection = maintenance.connect();
             Statement statement = connection.createStatement()) {
            List<String> candidates = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(
                    "SELECT datname FROM pg_database WHERE datname LIKE 'inboop\\_%' AND NOT datistemplate")) {
                while (rs.next()) {
                    Matcher name = NAME.matcher(rs.getString(1));
                    if (name.matches() && Long.parseLong(name.group(1), Character.MAX_RADIX) < cutoff) {
                        candidates.add(rs.getString(1));
                    }
                }
            }
            for (String name : candidates) {
                try {
                    statement.execute("DROP DATABASE IF EXISTS \"" + name + "\"");
                    dropped.add(name);
                } catch (SQLException inUse) {
                    // Someone is connected: not a leftover after all, or not ours to judge. Left alone.
                }
            }
        } catch (SQLException e) {
            throw new CodegenException("Could not look for throwaway databases left behind on " + maintenance.url()
                    + ": " + e.getMessage(), e);
        }
        return dropped;
    }

    /** The age after which {@link #dropLeftovers} takes an idle throwaway database for a leftover. */
    public static Duration leftoverAge() {
        String minutes = System.getProperty(LEFTOVER_MINUTES, "60");
        try {
            return Duration.ofMinutes(Long.parseLong(minutes.strip()));
        } catch (NumberFormatException e) {
            throw new CodegenException("-D" + LEFTOVER_MINUTES + "=" + minutes + " is not a number of minutes; "
                    + "use e.g. -D" + LEFTOVER_MINUTES + "=60");
        }
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

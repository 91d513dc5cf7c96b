package com.inboop.codegen.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import com.inboop.codegen.Directories;

/**
 * PostgreSQL from the zonky binaries on Maven Central, started in a fresh data directory and deleted on close.
 *
 * <p>PostgreSQL refuses to run as root. zonky then runs it inside a user namespace ({@code unshare -U}); where
 * neither works, {@link #start(PostgresSettings)} fails at once with the ways out instead of a timeout.
 */
public final class EmbeddedPostgres implements EphemeralPostgres {

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
    private final Path dataDirectory;
    private final String version;
    private final Thread stopOnExit;
    private boolean closed;

    private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server, Path dataDirectory,
                             String version) {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.version = version;
        // Ctrl-C, or any other orderly exit: the server stops and its data directory goes, like on close().
        this.stopOnExit = new Thread(this::stopQuietly, "stop-" + dataDirectory.getFileName());
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Stops and removes what runs killed outright left under the settings' embedded directory, without starting
     * anything: for a build that needs no server this time (its classes are current) but must still clean up.
     *
     * @return one line per leftover removed
     */
    public static java.util.List<String> removeLeftovers(PostgresSettings settings) {
        return EmbeddedLeftovers.removeIn(settings.embeddedDirectory());
    }

    /** Starts a new server in a new data directory under the settings' embedded directory. */
    public static EmbeddedPostgres start(PostgresSettings settings) {
        RootCheck.requireRunnable(RootCheck.currentUid(), RootCheck::userNamespacesWork);
        // What a run killed outright (SIGKILL, power loss) left behind is this run's to remove.
        EmbeddedLeftovers.removeIn(settings.embeddedDirectory()).forEach(System.err::println);
        // Ctrl-C while the data directory is made, initdb runs or the server starts: nothing of this run may stay
        // behind either. The hook is in place before the first file exists, and waits for its creation to finish.
        AtomicReference<Path> starting = new AtomicReference<>();
        Thread abandonOnExit = new Thread(() -> {
            synchronized (starting) {
                Optional.ofNullable(starting.get()).ifPresent(EmbeddedPostgres::abandon);
            }
        }, "abandon-embedded-start");
        Runtime.getRuntime().addShutdownHook(abandonOnExit);
        Path dataDirectory;
        synchronized (starting) {
            try {
                dataDirectory = createDataDirectory(settings.embeddedDirectory());
            } catch (RuntimeException e) {
                Runtime.getRuntime().removeShutdownHook(abandonOnExit);
                throw e;
            }
            starting.set(dataDirectory);
        }
        try {
            io.zonky.test.db.postgres.embedded.EmbeddedPostgres server =
                    io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                            .setDataDirectory(dataDirectory)
                            .setCleanDataDirectory(true)
                            // Throwaway data: durability only costs time here.
                            .setServerConfig("fsync", "off")
                            .setServerConfig("synchronous_commit", "off")
                            .setServerConfig("full_page_writes", "off")
                            .start();
            return new EmbeddedPostgres(server, dataDirectory, serverVersion(server));
        } catch (IOException | SQLException | RuntimeException e) {
            Directories.deleteRecursively(dataDirectory);
            EmbeddedLeftovers.release(dataDirectory);
            throw new PostgresUnavailableException("Embedded PostgreSQL did not start in " + dataDirectory + ": "
                    + e.getMessage() + "\nRun with -e for zonky's log, or use an existing server instead: "
                    + "-Dinboop.postgres=server -Dinboop.postgres.url=jdbc:postgresql://HOST:5432/postgres", e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(abandonOnExit);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down: the hook runs (or ran) and removes everything.
            }
        }
    }

    /**
     * The startup window's shutdown hook: kills what runs on the new data directory (initdb, or a server not yet
     * handed out) and removes the directory, so an interrupted start leaves no process, no directory and no owner
     * file. A throwaway server's data is worth nothing, so no orderly stop is needed.
     */
    private static void abandon(Path dataDirectory) {
        EmbeddedLeftovers.killProcessesUsing(dataDirectory);
        try {
            Directories.deleteRecursively(dataDirectory);
        } catch (RuntimeException e) {
            System.err.println("inboop: could not remove " + dataDirectory + ": " + e.getMessage()
                    + "; the next run removes it");
            return;
        }
        EmbeddedLeftovers.release(dataDirectory);
    }

    @Override
    public String description() {
        return "embedded PostgreSQL " + version;
    }

    @Override
    public JdbcTarget maintenance() {
        // Not zonky's getJdbcUrl(): its ?user= parameter would override the user of every derived target.
        return new JdbcTarget("jdbc:postgresql://localhost:" + server.getPort() + "/postgres", "postgres", "");
    }

    /** The server's data directory; gone once closed. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // The JVM is shutting down and this is the hook itself, or it already ran.
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the embedded PostgreSQL in " + dataDirectory
                    + "; stop it with: pg_ctl -D " + dataDirectory + " stop", e);
        } finally {
            try {
                // zonky's own shutdown hook may be deleting the same directory at this moment.
                Directories.deleteRecursively(dataDirectory);
            } finally {
                EmbeddedLeftovers.release(dataDirectory);
            }
        }
    }

    /** The shutdown hook: like close(), and a failure is one line, not a stack trace on a JVM going away. */
    private void stopQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            System.err.println("inboop: " + e.getMessage());
        }
    }

    /**
     * The version the running server reports. Not the pinned version: which binaries load depends on the classpath
     * they were resolved on, and the build must say (and fingerprint) what really ran.
     */
    private static String serverVersion(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server)
            throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Path createDataDirectory(Path parent) {
        try {
            Files.createDirectories(parent);
            return EmbeddedLeftovers.createOwned(parent);
        } catch (IOException e) {
            throw new PostgresUnavailableException("Cannot create a data directory for the embedded PostgreSQL under "
                    + parent + ": " + e.getMessage() + ". Point -D" + PostgresSettings.EMBEDDED_DIRECTORY
                    + " at a writable directory.", e);
        }
    }
}

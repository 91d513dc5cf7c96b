package com.inboop.codegen.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import com.inboop.codegen.io.Directories;
import com.inboop.codegen.toolchain.Toolchain;

/**
 * PostgreSQL from the zonky binaries on Maven Central, started on a copy of an initdb'd template data directory
 * ({@link DataDirectoryTemplate}) and deleted on close. A watchdog outside the JVM ({@link Reaper}) removes the server
 * and its directory if the JVM dies without closing it.
 *
 * <p>PostgreSQL refuses to run as root; as root it runs inside a user namespace ({@code unshare -U}, see
 * {@link Postmaster}). Where neither works, {@link #start(PostgresSettings)} fails at once with the ways out instead
 * of a timeout.
 */
public final class EmbeddedPostgres implements EphemeralPostgres {

    /** Where data directory templates are kept: beside zonky's extracted binaries, once per machine. */
    private static final Path TEMPLATES = Path.of(System.getProperty("java.io.tmpdir"));

    private final Postmaster server;
    private final Path dataDirectory;
    private final String version;
    private final Reaper reaper;
    private final Thread stopOnExit;
    private boolean closed;

    private EmbeddedPostgres(Postmaster server, Path dataDirectory, Reaper reaper) throws SQLException {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.reaper = reaper;
        this.version = serverVersion();
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
    static java.util.List<String> removeLeftovers(PostgresSettings settings) {
        return EmbeddedLeftovers.removeIn(settings.embeddedDirectory());
    }

    /**
     * Starts a new server in a new data directory under the settings' embedded directory: a copy of the machine's
     * initdb'd template ({@link DataDirectoryTemplate}), watched by a {@link Reaper} from before its first file
     * exists until it is removed.
     */
    public static EmbeddedPostgres start(PostgresSettings settings) {
        RootCheck.requireRunnable(RootCheck.currentUid(), RootCheck::userNamespacesWork);
        // What a run killed outright (SIGKILL, power loss) left behind is this run's to remove.
        EmbeddedLeftovers.removeIn(settings.embeddedDirectory()).forEach(System.err::println);
        DataDirectoryTemplate template = DataDirectoryTemplate.under(TEMPLATES, Toolchain.current().postgresVersion());
        // Ctrl-C while the data directory is made, initdb runs or the server starts: nothing of this run may stay
        // behind either. The hook is in place before the first file exists, and waits for its creation to finish.
        AtomicReference<Starting> starting = new AtomicReference<>();
        Thread abandonOnExit = new Thread(() -> {
            synchronized (starting) {
                Optional.ofNullable(starting.get()).ifPresent(Starting::abandon);
            }
        }, "abandon-embedded-start");
        Runtime.getRuntime().addShutdownHook(abandonOnExit);
        Path dataDirectory;
        Reaper reaper;
        synchronized (starting) {
            try {
                dataDirectory = createDataDirectory(settings.embeddedDirectory());
            } catch (RuntimeException e) {
                Runtime.getRuntime().removeShutdownHook(abandonOnExit);
                throw e;
            }
            // SIGKILL from here on: the watchdog stops the server and removes the directory, no next run needed.
            reaper = Reaper.watch(dataDirectory, EmbeddedLeftovers.ownerFile(dataDirectory));
            starting.set(new Starting(dataDirectory, reaper));
        }
        Postmaster server = null;
        try {
            server = startCopyOf(template, dataDirectory);
            return new EmbeddedPostgres(server, dataDirectory, reaper);
        } catch (IOException | SQLException | RuntimeException e) {
            if (server != null) {
                server.stop();
            }
            reaper.close();
            Directories.deleteRecursively(dataDirectory);
            EmbeddedLeftovers.release(dataDirectory);
            throw new PostgresUnavailableException("Embedded PostgreSQL did not start in " + dataDirectory + ": "
                    + e.getMessage() + "\nOr use an existing server instead: "
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
     * Starts a server on a copy of the template. If the binaries cannot start it (a template of another PostgreSQL,
     * or damaged), the template is made again and the start tried once more.
     */
    private static Postmaster startCopyOf(DataDirectoryTemplate template, Path dataDirectory) throws IOException {
        template.copyInto(dataDirectory);
        try {
            return Postmaster.start(template.postgresBinary(), dataDirectory);
        } catch (PostgresUnavailableException unusableTemplate) {
            template.discard();
            DataDirectoryTemplate again = DataDirectoryTemplate.under(TEMPLATES, Toolchain.current().postgresVersion());
            again.copyInto(dataDirectory);
            return Postmaster.start(again.postgresBinary(), dataDirectory);
        }
    }

    /** A server being started: its data directory and its watchdog. */
    private record Starting(Path dataDirectory, Reaper reaper) {

        /**
         * The startup window's shutdown hook: the watchdog stops what runs on the new data directory and removes
         * it; what it cannot reach (no watchdog on this platform) is killed and removed here. A throwaway server's
         * data is worth nothing, so no orderly stop is needed.
         */
        void abandon() {
            reaper.close();
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
    }

    @Override
    public String description() {
        return "embedded PostgreSQL " + version;
    }

    @Override
    public JdbcTarget maintenance() {
        return new JdbcTarget("jdbc:postgresql://localhost:" + server.port() + "/postgres", "postgres", "");
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
            server.stop();
        } finally {
            try {
                Directories.deleteRecursively(dataDirectory);
            } finally {
                EmbeddedLeftovers.release(dataDirectory);
                reaper.close();
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
    private String serverVersion() throws SQLException {
        try (Connection connection = maintenance().connect();
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

package com.inboop.codegen.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server process on an initialized data directory, started directly (no {@code pg_ctl}, which polls
 * in tenths of a second) and ready as soon as it says so in {@code postmaster.pid}. As root it runs inside a user
 * namespace ({@code unshare -U}), as zonky does: PostgreSQL refuses to run as root, and in a namespace without a
 * user mapping it sees itself, and its root-owned data directory, as the same unprivileged user.
 *
 * <p>Throwaway servers only: durability is off, and {@link #stop()} is an immediate shutdown.
 */
final class Postmaster {

    /** Settings for throwaway data: durability costs only time here; no Unix socket left in /tmp. */
    private static final Map<String, String> SETTINGS = Map.of(
            "listen_addresses", "localhost",
            "unix_socket_directories", "",
            "fsync", "off",
            "synchronous_commit", "off",
            "full_page_writes", "off");
    /** The server's output, beside its data: the reason when it does not start. */
    static final String LOG = "inboop-postgres.log";
    private static final long START_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final int START_ATTEMPTS = 3;

    private final Process process;
    private final int port;

    private Postmaster(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts {@code postgres} on {@code dataDirectory} on a free port and waits until it accepts connections.
     *
     * @throws PostgresUnavailableException with the server's own words if it exits or never gets ready
     */
    static Postmaster start(Path postgresBinary, Path dataDirectory) {
        PostgresUnavailableException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = freePort();
            Process process = launch(postgresBinary, dataDirectory, port);
            try {
                awaitReady(process, dataDirectory);
                return new Postmaster(process, port);
            } catch (PostgresUnavailableException e) {
                process.destroyForcibly();
                waitFor(process);
                last = e;
                // Another process may have taken the free port between our look and the server's bind: retry.
                if (!e.getMessage().contains("could not bind") && !e.getMessage().contains("Address already in use")) {
                    break;
                }
            }
        }
        throw last;
    }

    /** The TCP port the server listens on (localhost). */
    int port() {
        return port;
    }

    /** Immediate shutdown (SIGQUIT): the server and its backends stop at once; waits until it has exited. */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        ProcessHandle handle = process.toHandle();
        try {
            new ProcessBuilder("kill", "-QUIT", Long.toString(handle.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly(); // no kill command (Windows): the hard way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        waitFor(process);
    }

    private static Process launch(Path postgresBinary, Path dataDirectory, int port) {
        List<String> command = new ArrayList<>();
        if (RootCheck.currentUid() == 0) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(postgresBinary.toString(), "-D", dataDirectory.toString(), "-p", Integer.toString(port)));
        SETTINGS.forEach((name, value) -> command.addAll(List.of("-c", name + "=" + value)));
        try {
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dataDirectory.resolve(LOG).toFile())
                    .start();
        } catch (IOException e) {
            throw new PostgresUnavailableException("Cannot run " + postgresBinary + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits for the server's own "ready" in postmaster.pid (its eighth line, PostgreSQL 10 and later), which is what
     * pg_ctl waits for too, checking every few milliseconds instead of every tenth of a second.
     */
    private static void awaitReady(Process process, Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        long deadline = System.nanoTime() + START_LIMIT_NANOS;
        while (true) {
            if (!process.isAlive()) {
                throw new PostgresUnavailableException("PostgreSQL exited with status " + process.exitValue()
                        + " while starting: " + logOf(dataDirectory));
            }
            if (isReady(pidFile)) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new PostgresUnavailableException("PostgreSQL did not get ready within "
                        + TimeUnit.NANOSECONDS.toSeconds(START_LIMIT_NANOS) + " s: " + logOf(dataDirectory));
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PostgresUnavailableException("Interrupted while PostgreSQL was starting", e);
            }
        }
    }

    private static boolean isReady(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.size() >= 8 && lines.get(7).strip().equals("ready");
        } catch (IOException | UncheckedIOException e) {
            return false; // not written yet, or being rewritten
        }
    }

    /** The last lines the server wrote, for a failure message. */
    static String logOf(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve(LOG), StandardCharsets.UTF_8);
            return String.join("\n  ", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no server log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new PostgresUnavailableException("Cannot find a free TCP port on localhost: " + e.getMessage(), e);
        }
    }

    private static void waitFor(Process process) {
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

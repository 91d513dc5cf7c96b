package com.inboop.codegen.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.inboop.codegen.Directories;

/**
 * The embedded servers and data directories of earlier runs that ended without cleaning up (a build JVM killed with
 * SIGKILL, a machine that lost power), found by name and owner, stopped and removed by the next run.
 *
 * <p>Every data directory {@code inboop-pg-*} has an owner file beside it, {@code inboop-pg-*.owner}, naming the JVM
 * that started it. A directory is a leftover when that JVM is no longer running, or, without an owner file, when it
 * is older than {@link #UNOWNED_AGE}; a directory whose owner still runs belongs to a build in progress and is left
 * alone.
 */
final class EmbeddedLeftovers {

    /** Name prefix of the data directories. */
    static final String PREFIX = "inboop-pg-";
    /** Suffix of the owner file beside each data directory. */
    static final String OWNER_SUFFIX = ".owner";
    /** How old a data directory without an owner file must be to count as a leftover. */
    static final Duration UNOWNED_AGE = Duration.ofHours(1);

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private EmbeddedLeftovers() {
    }

    /** Writes the owner file of {@code dataDirectory}: this JVM. */
    static void claim(Path dataDirectory) throws IOException {
        Files.writeString(ownerFile(dataDirectory), Long.toString(ProcessHandle.current().pid()) + "\n",
                StandardCharsets.UTF_8);
    }

    /** Removes the owner file of {@code dataDirectory}, once the directory itself is gone. */
    static void release(Path dataDirectory) {
        try {
            Files.deleteIfExists(ownerFile(dataDirectory));
        } catch (IOException e) {
            // Harmless: the next run finds the owner gone and removes the file with the rest.
        }
    }

    /**
     * Stops and removes every leftover under {@code parent}.
     *
     * @return what was removed, one line each, for the build's log
     */
    static List<String> removeIn(Path parent) {
        List<String> removed = new ArrayList<>();
        if (!Files.isDirectory(parent)) {
            return removed;
        }
        List<Path> candidates;
        try (Stream<Path> entries = Files.list(parent)) {
            candidates = entries.filter(p -> p.getFileName().toString().startsWith(PREFIX) && Files.isDirectory(p))
                    .toList();
        } catch (IOException e) {
            return removed;
        }
        for (Path dataDirectory : candidates) {
            if (isLeftover(dataDirectory)) {
                Optional<Long> server = stopServer(dataDirectory);
                Directories.deleteRecursively(dataDirectory);
                release(dataDirectory);
                removed.add("removed a leftover embedded PostgreSQL of a run that ended without cleaning up: "
                        + dataDirectory + server.map(pid -> " (server pid " + pid + " stopped)").orElse(""));
            }
        }
        return removed;
    }

    private static boolean isLeftover(Path dataDirectory) {
        Optional<Long> owner = read(ownerFile(dataDirectory));
        if (owner.isPresent()) {
            return ProcessHandle.of(owner.get()).map(p -> !p.isAlive()).orElse(true);
        }
        try {
            Instant modified = Files.getLastModifiedTime(dataDirectory).toInstant();
            return modified.isBefore(Instant.now().minus(UNOWNED_AGE));
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the postmaster named in the data directory's postmaster.pid, if it still runs from that directory. */
    private static Optional<Long> stopServer(Path dataDirectory) {
        Optional<Long> pid = read(dataDirectory.resolve("postmaster.pid"));
        Optional<ProcessHandle> server = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains(dataDirectory.toString()));
        server.ifPresent(process -> {
            process.destroy(); // SIGTERM: Postgres' smart shutdown
            try {
                process.onExit().get(STOP_GRACE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        });
        return server.map(ProcessHandle::pid);
    }

    private static Optional<Long> read(Path file) {
        try {
            String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
            return Optional.of(Long.parseLong(first));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Path ownerFile(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + OWNER_SUFFIX);
    }
}

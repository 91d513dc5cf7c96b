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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.inboop.codegen.io.Directories;

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

    /**
     * Creates a new data directory under {@code parent}, owned by this JVM: the owner file first, then the directory,
     * so that a run killed between the two leaves nothing a later run cannot attribute and remove.
     */
    static Path createOwned(Path parent) throws IOException {
        while (true) {
            Path dataDirectory = parent.resolve(PREFIX + Long.toUnsignedString(
                    java.util.concurrent.ThreadLocalRandom.current().nextLong()));
            try {
                Files.writeString(ownerFile(dataDirectory), Long.toString(ProcessHandle.current().pid()) + "\n",
                        StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE);
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                continue;
            }
            if (parent.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                // Postgres wants its data directory private (0700), as createTempDirectory would have made it.
                Files.createDirectory(dataDirectory, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(dataDirectory);
            }
            return dataDirectory;
        }
    }

    /**
     * Kills every process whose command line names {@code dataDirectory} (initdb, a server, its backends) and waits
     * for each to exit: for throwaway data, the quickest safe stop.
     */
    static void killProcessesUsing(Path dataDirectory) {
        String needle = dataDirectory.toAbsolutePath().toString();
        // With their descendants: initdb's bootstrap backend learns the directory from PGDATA, not its arguments.
        List<ProcessHandle> processes = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(needle))
                .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                .distinct().toList();
        processes.forEach(ProcessHandle::destroyForcibly);
        processes.forEach(process -> process.onExit().completeOnTimeout(process, STOP_GRACE.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS).join());
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
        Set<Path> candidates = new TreeSet<>();
        try (Stream<Path> entries = Files.list(parent)) {
            // A directory, or an owner file alone (its run was killed before it created the directory).
            entries.map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith(PREFIX))
                    .map(name -> parent.resolve(name.endsWith(OWNER_SUFFIX)
                            ? name.substring(0, name.length() - OWNER_SUFFIX.length()) : name))
                    .forEach(candidates::add);
        } catch (IOException e) {
            return removed;
        }
        for (Path dataDirectory : candidates) {
            if (isLeftover(dataDirectory)) {
                Optional<Long> server = stopServer(dataDirectory);
                killProcessesUsing(dataDirectory);
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
        if (!Files.exists(dataDirectory)) {
            // An owner file without a pid and without its directory: a run killed while writing it. (A live run
            // is between those two steps for microseconds, and loses nothing if its owner file goes: close()
            // removes its directory anyway.)
            return Files.exists(ownerFile(dataDirectory));
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

    /** The owner file beside {@code dataDirectory}. */
    static Path ownerFile(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + OWNER_SUFFIX);
    }
}

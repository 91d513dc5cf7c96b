package com.inboop.codegen.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import com.inboop.codegen.failure.CodegenException;
import com.inboop.codegen.io.Directories;

/**
 * An initdb'd, cleanly stopped data directory kept once per machine and PostgreSQL version, copied into every new
 * embedded server's data directory: a copy takes tens of milliseconds where initdb takes half a second or more, and
 * initdb's result is the same every time.
 *
 * <p>The template is made by the first run that needs it, in a directory of its own ({@code *.partial-PID-N}),
 * and moved into place by one rename: a template either exists whole or not at all, whatever runs at once or is
 * killed meanwhile. Partial directories of runs that died are removed by the next one.
 */
final class DataDirectoryTemplate {

    private static final String PREFIX = "inboop-pg-template-";
    private static final String PARTIAL = ".partial-";
    /** A file in the template naming the {@code postgres} binary that initialized it (zonky's extracted copy). */
    private static final String BINARY = "inboop-postgres-binary";

    private final Path directory;
    private final Path postgresBinary;

    private DataDirectoryTemplate(Path directory, Path postgresBinary) {
        this.directory = directory;
        this.postgresBinary = postgresBinary;
    }

    /**
     * The template for {@code postgresVersion} (as pinned; a template the binaries cannot start is replaced, see
     * {@link #discard()}) under {@code parent}, made now if there is none, or if the binaries that made it are gone
     * (a cleaned temporary directory).
     */
    static DataDirectoryTemplate under(Path parent, String postgresVersion) {
        Path template = parent.resolve(PREFIX + postgresVersion);
        for (int attempt = 1; ; attempt++) {
            if (!Files.isDirectory(template)) {
                removeDeadPartials(parent);
                create(template);
            }
            try {
                Path binary = Path.of(Files.readString(template.resolve(BINARY), StandardCharsets.UTF_8).strip());
                if (Files.isExecutable(binary)) {
                    return new DataDirectoryTemplate(template, binary);
                }
            } catch (IOException | InvalidPathException e) {
                // A template of an older layout or damaged: made again below.
            }
            if (attempt == 2) {
                throw new PostgresUnavailableException("The PostgreSQL data directory template " + template
                        + " names no runnable postgres binary even after it was made again; remove it and retry.");
            }
            Directories.deleteRecursively(template);
        }
    }

    /** The {@code postgres} binary that made this template and can start copies of it. */
    Path postgresBinary() {
        return postgresBinary;
    }

    /**
     * Copies the template into {@code dataDirectory}, which exists; whatever it held before goes first. With
     * {@code cp} where there is one (several times quicker than a copy by a JVM that has not warmed up yet).
     */
    void copyInto(Path dataDirectory) {
        try (Stream<Path> old = Files.list(dataDirectory)) {
            old.toList().forEach(Directories::deleteRecursively);
        } catch (IOException e) {
            throw CodegenException.io("Could not empty " + dataDirectory, e);
        }
        if (!copiedWithCp(dataDirectory)) {
            copiedByWalking(dataDirectory);
        }
    }

    private boolean copiedWithCp(Path dataDirectory) {
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            return false;
        }
        try {
            // "dir/." copies the contents; -p keeps the modes PostgreSQL checks (0600 files, 0700 directories).
            Process cp = new ProcessBuilder("cp", "-Rp", directory + "/.", dataDirectory.toString())
                    .redirectErrorStream(true).start();
            String output = new String(cp.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (cp.waitFor() == 0) {
                return true;
            }
            throw new CodegenException("cp -Rp " + directory + "/. " + dataDirectory + " failed: " + output.strip()
                    + ". Free space in " + dataDirectory.getParent() + ", or move the data directories elsewhere with "
                    + "-Dinboop.postgres.embedded.dir=...");
        } catch (IOException e) {
            return false; // no cp: copy in Java
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PostgresUnavailableException("Interrupted while copying " + directory, e);
        }
    }

    private void copiedByWalking(Path dataDirectory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path source : files.toList()) {
                if (source.equals(directory)) {
                    continue;
                }
                Files.copy(source, dataDirectory.resolve(directory.relativize(source).toString()),
                        StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw CodegenException.io("Could not copy the PostgreSQL data directory template " + directory
                    + " into " + dataDirectory, e);
        }
    }

    /** Removes this template, e.g. because the binaries could not start a copy of it; the next run makes another. */
    void discard() {
        Directories.deleteRecursively(directory);
    }

    private static void create(Path template) {
        Path partial = template.resolveSibling(template.getFileName() + PARTIAL + ProcessHandle.current().pid() + "-"
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()));
        try {
            // zonky runs initdb into the empty directory, starts the server and stops it cleanly on close; with
            // clean-up off, the initialized directory stays.
            try (var server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setDataDirectory(partial)
                    .setCleanDataDirectory(false)
                    .start()) {
                // The running server's own command line, as it wrote it: the binary first, quoted or not.
                String options = Files.readString(partial.resolve("postmaster.opts"), StandardCharsets.UTF_8);
                String binary = options.startsWith("\"") ? options.substring(1, options.indexOf('"', 1))
                        : options.split("\\s+", 2)[0];
                Files.writeString(partial.resolve(BINARY), binary + "\n", StandardCharsets.UTF_8);
            }
            // zonky's lock file and the last start's options; every run's start makes its own.
            Files.deleteIfExists(partial.resolve("epg-lock"));
            Files.deleteIfExists(partial.resolve("postmaster.opts"));
            Files.move(partial, template, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException anotherRunWasFaster) {
            Directories.deleteRecursively(partial);
        } catch (AtomicMoveNotSupportedException e) {
            Directories.deleteRecursively(partial);
            throw new PostgresUnavailableException("Cannot make the PostgreSQL data directory template " + template
                    + ": its file system cannot rename a directory atomically. Point -D"
                    + PostgresSettings.EMBEDDED_DIRECTORY + " at a local directory.", e);
        } catch (IOException | RuntimeException e) {
            Directories.deleteRecursively(partial);
            throw new PostgresUnavailableException("Could not initialize the PostgreSQL data directory template "
                    + template + ": " + e.getMessage() + "\nRun with -e for zonky's log, or use an existing server: "
                    + "-Dinboop.postgres=server -Dinboop.postgres.url=jdbc:postgresql://HOST:5432/postgres", e);
        }
    }

    /** Removes partial templates whose run is no longer alive (its pid is in the name). */
    private static void removeDeadPartials(Path parent) {
        if (!Files.isDirectory(parent)) {
            return;
        }
        try (Stream<Path> entries = Files.list(parent)) {
            entries.filter(p -> p.getFileName().toString().startsWith(PREFIX))
                    .filter(p -> p.getFileName().toString().contains(PARTIAL))
                    .filter(DataDirectoryTemplate::ownerIsDead)
                    .forEach(Directories::deleteRecursively);
        } catch (IOException | UncheckedIOException e) {
            // A partial template nobody removes costs disk space only; the next run tries again.
        }
    }

    private static boolean ownerIsDead(Path partial) {
        String name = partial.getFileName().toString();
        String rest = name.substring(name.indexOf(PARTIAL) + PARTIAL.length());
        try {
            long pid = Long.parseLong(rest.substring(0, rest.indexOf('-')));
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return false;
        }
    }
}

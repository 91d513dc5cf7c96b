package com.inboop.codegen.diff;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import com.inboop.codegen.failure.CodegenException;

/**
 * Where a schema's migrations come from: a git ref of this repository ({@code HEAD~3}, {@code v1.2.0}, a commit),
 * the working tree ({@code worktree}), a folder ({@code dir:PATH}) or a released inboop-db jar ({@code jar:PATH}).
 *
 * @param spec as given on the command line
 */
public record MigrationSource(String spec) {

    private static final String MIGRATIONS = "migrations";

    /**
     * Where the migration {@code fileName} of this source really is, for messages: {@code main:migrations/V007__x.sql},
     * {@code migrations/V007__x.sql}, {@code PATH/V007__x.sql} or {@code PATH!/inboop/db/migration/V007__x.sql}, never
     * the temporary copy the diff applied.
     */
    public String locate(String fileName) {
        if (spec.equals("worktree")) {
            return MIGRATIONS + "/" + fileName;
        }
        if (spec.startsWith("dir:")) {
            return Path.of(spec.substring(4)).resolve(fileName).toString();
        }
        if (spec.startsWith("jar:")) {
            return spec.substring(4) + "!/" + JAR_LOCATIONS.get(0) + fileName;
        }
        return spec + ":" + MIGRATIONS + "/" + fileName;
    }

    /** Copies this source's migration files into {@code into} (which must exist) and returns it. */
    public Path extractTo(Path repository, Path into) {
        try {
            if (spec.equals("worktree")) {
                return copyFolder(repository.resolve(MIGRATIONS), into);
            }
            if (spec.startsWith("dir:")) {
                return copyFolder(Path.of(spec.substring(4)), into);
            }
            if (spec.startsWith("jar:")) {
                return fromJar(Path.of(spec.substring(4)), into);
            }
            return fromGit(repository, into);
        } catch (IOException e) {
            throw CodegenException.io("Cannot read the migrations of " + spec, e);
        }
    }

    private static Path copyFolder(Path folder, Path into) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new CodegenException(folder.toAbsolutePath() + " is not a folder of migrations");
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(MigrationSource::isFlywayFile).toList()) {
                Files.copy(file, into.resolve(file.getFileName()));
            }
        }
        return into;
    }

    /**
     * Where inboop-db jars keep their migrations: {@code inboop/db/migration/} (since the re-foundation, out of the
     * way of a backend's own {@code db/migration}), or {@code db/migration/} in jars built before it.
     */
    private static final List<String> JAR_LOCATIONS = List.of("inboop/db/migration/", "db/migration/");

    private Path fromJar(Path jar, Path into) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new CodegenException("jar:" + jar + " does not exist; pass the path of a released inboop-db jar");
        }
        int found = 0;
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                for (String location : JAR_LOCATIONS) {
                    if (name.startsWith(location) && !entry.isDirectory()
                            && isFlywayFile(Path.of(name.substring(location.length())))) {
                        try (InputStream in = file.getInputStream(entry)) {
                            Files.copy(in, into.resolve(name.substring(location.length())));
                        }
                        found++;
                    }
                }
            }
        }
        if (found == 0) {
            throw new CodegenException(jar + " holds no migrations under " + String.join(" or ", JAR_LOCATIONS)
                    + ": it is not an inboop-db jar");
        }
        return into;
    }

    private Path fromGit(Path repository, Path into) throws IOException {
        String commit = git(repository, "rev-parse", "--verify", "--quiet", spec + "^{commit}").strip();
        List<String> names = git(repository, "ls-tree", "--name-only", commit, MIGRATIONS + "/").lines()
                .map(line -> line.substring(line.lastIndexOf('/') + 1))
                .filter(name -> isFlywayFile(Path.of(name)))
                .toList();
        if (names.isEmpty()) {
            throw new CodegenException(spec + " has no " + MIGRATIONS + "/ folder with migrations");
        }
        for (String name : names) {
            Files.writeString(into.resolve(name), git(repository, "show", commit + ":" + MIGRATIONS + "/" + name),
                    StandardCharsets.UTF_8);
        }
        return into;
    }

    private String git(Path repository, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", repository.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new CodegenException("'" + spec + "' is not a git ref of " + repository.toAbsolutePath()
                        + " (git " + String.join(" ", args) + ": " + output.strip() + "). Use a commit, branch or "
                        + "tag, 'worktree', dir:PATH or jar:PATH.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CodegenException("Interrupted while reading " + spec + " from git", e);
        }
        return output;
    }

    private static boolean isFlywayFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".sql") || name.endsWith(".sql.conf");
    }
}

package com.inboop.codegen.guard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.inboop.codegen.failure.CodegenException;
import com.inboop.codegen.guard.lock.MigrationLock;
import com.inboop.codegen.guard.rule.Rule;
import com.inboop.codegen.guard.rule.Violation;

/**
 * A migrations folder as the guard sees it: every SQL file in it, read and lexed whatever its name; the
 * configurations of the versioned ones; Flyway SQL callbacks; and what does not belong there (IB101 to IB104).
 * Naming is a finding, never a gate: a misnamed file is still checked.
 *
 * @param directory  the folder
 * @param scripts    every {@code .sql} file that is not a Flyway callback, by name (versioned, repeatable, undo, or
 *                   ignored by Flyway)
 * @param locked     the files whose content {@code migrations.lock} protects (versioned migrations and their .sql.conf)
 * @param violations findings about names, versions and configurations
 * @param irregular  entries that are not regular files or folders (a named pipe, a device, a socket, a link that
 *                   leads nowhere or in a loop): reported, never opened, since reading a pipe blocks for good
 */
public record MigrationFolder(Path directory, List<MigrationScript> scripts, List<Path> locked,
                              List<Violation> violations, List<Path> irregular) {

    private static final Pattern CALLBACK = Pattern.compile(
            "(before|after)(Each)?(Migrate|Validate|Info|Baseline|Repair|Connect|Undo|Clean)(Error|Statement"
                    + "|StatementError|Applied)?(__[a-z0-9_]+)?\\.sql");

    /** Reads {@code directory}, judging names by {@code naming}; fails only if it cannot be listed or read. */
    public static MigrationFolder read(Path directory, Naming naming) {
        List<Path> entries;
        try (Stream<Path> listing = Files.list(directory)) {
            entries = listing.sorted().toList();
        } catch (IOException e) {
            throw CodegenException.io("Cannot list migrations folder " + directory.toAbsolutePath()
                    + "; pass the folder that holds the V*.sql migrations", e);
        }
        List<Violation> violations = new ArrayList<>();
        List<MigrationScript> scripts = new ArrayList<>();
        List<Path> locked = new ArrayList<>();
        Map<ScriptVersion, List<String>> versions = new TreeMap<>();
        List<Path> irregular = new ArrayList<>();
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (!Files.isDirectory(entry) && !Files.isRegularFile(entry)) {
                irregular.add(entry);
                violations.add(new Violation(name, 0, Rule.IB103, "'" + name + "' is not a regular file (a named "
                        + "pipe, a device, a socket, or a link that leads nowhere or in a loop): the guard does not "
                        + "open it, and Flyway would block reading it; remove it from the migrations folder"));
            } else if (Files.isDirectory(entry)) {
                violations.add(new Violation(name + "/", 0, Rule.IB103, "a subfolder of the migrations folder, which "
                        + "Flyway would read too: migrations sit directly in " + directory.getFileName() + "/"));
            } else if (name.equals(MigrationLock.FILE_NAME)) {
                continue;
            } else if (name.endsWith(".sql.conf")) {
                checkConf(entry, name, violations);
                locked.add(entry);
            } else if (CALLBACK.matcher(name).matches()) {
                continue; // a Flyway SQL callback, e.g. beforeEachMigrate.sql: not a migration, may change
            } else if (name.endsWith(".sql")) {
                MigrationScript script = MigrationScript.read(entry);
                scripts.add(script);
                checkName(script, naming, violations);
                if (script.kind() == MigrationScript.Kind.VERSIONED) {
                    locked.add(entry);
                    versions.computeIfAbsent(script.version(), v -> new ArrayList<>()).add(name);
                }
            } else {
                violations.add(new Violation(name, 0, Rule.IB103, "'" + name + "' is "
                        + (name.endsWith(".java") || name.endsWith(".class") ? "Java code" : "not a SQL migration")
                        + "; the migrations folder holds only V*.sql, their .sql.conf, SQL callbacks and "
                        + MigrationLock.FILE_NAME));
            }
        }
        checkVersions(versions, naming, violations);
        for (Path conf : locked) {
            String confName = conf.getFileName().toString();
            if (confName.endsWith(".sql.conf") && scripts.stream()
                    .noneMatch(s -> (s.fileName() + ".conf").equals(confName))) {
                violations.add(new Violation(confName, 0, Rule.IB104, confName + " belongs to no migration"));
            }
        }
        return new MigrationFolder(directory, List.copyOf(scripts), List.copyOf(locked), List.copyOf(violations),
                List.copyOf(irregular));
    }

    private static void checkName(MigrationScript script, Naming naming, List<Violation> violations) {
        String name = script.fileName();
        switch (script.kind()) {
            case REPEATABLE -> violations.add(new Violation(name, 0, Rule.IB103, name + " is a repeatable migration "
                    + "(checked all the same; Flyway applies it after the versioned ones)"));
            case UNDO -> violations.add(new Violation(name, 0, Rule.IB103, name + " is an undo migration (checked "
                    + "all the same; Flyway applies it only on undo)"));
            case IGNORED_BY_FLYWAY -> violations.add(new Violation(name, 0, Rule.IB101, "'" + name + "' is not a "
                    + "Flyway migration name, so Flyway never applies it (checked statically all the same)"));
            case VERSIONED -> {
                if (naming == Naming.HOUSE && !MigrationScript.NAME.matcher(name).matches()) {
                    violations.add(new Violation(name, 0, Rule.IB101, "'" + name + "' is not V<3+ digits>__<lower"
                            + "_snake_description>.sql (checked all the same)"));
                }
            }
        }
    }

    private static void checkConf(Path conf, String name, List<Violation> violations) {
        List<String> lines;
        try {
            lines = Files.readAllLines(conf, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CodegenException.io("Cannot read " + conf.toAbsolutePath(), e);
        }
        int number = 0;
        for (String line : lines) {
            number++;
            String setting = line.strip();
            if (setting.isEmpty() || setting.startsWith("#")) {
                continue;
            }
            if (!setting.replace(" ", "").equals("executeInTransaction=false")) {
                violations.add(new Violation(name, number, Rule.IB104, "'" + setting + "'"));
            }
        }
    }

    private static void checkVersions(Map<ScriptVersion, List<String>> versions, Naming naming,
                                      List<Violation> violations) {
        long expected = 1;
        for (Map.Entry<ScriptVersion, List<String>> entry : versions.entrySet()) {
            if (entry.getValue().size() > 1) {
                violations.add(new Violation(entry.getValue().get(1), 0, Rule.IB102, "version " + entry.getKey()
                        + " is used by " + String.join(" and ", entry.getValue())));
            }
            if (naming == Naming.FLYWAY) {
                continue; // others number as they like (1, 1.1, 2_0_0); only a version used twice breaks Flyway
            }
            long version = entry.getKey().asInteger();
            if (version != expected) {
                violations.add(new Violation(entry.getValue().get(0), 0, Rule.IB102, "expected version "
                        + String.format("%03d", expected) + " next, found " + entry.getValue().get(0)));
            }
            expected = version + 1;
        }
    }
}

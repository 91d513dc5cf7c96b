package com.inboop.codegen.guard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.inboop.codegen.guard.lock.MigrationLock;

/**
 * A migrations folder as the guard sees it: its versioned migrations, their script configurations, Flyway SQL
 * callbacks, and what does not belong there (IB101 to IB104).
 *
 * @param directory  the folder
 * @param scripts    the well-named versioned migrations, by name
 * @param locked     the files whose content {@code migrations.lock} protects (migrations and their .sql.conf)
 * @param violations findings about names, versions and configurations
 */
public record MigrationFolder(Path directory, List<MigrationScript> scripts, List<Path> locked,
                              List<Violation> violations) {

    private static final Pattern CALLBACK = Pattern.compile(
            "(before|after)(Each)?(Migrate|Validate|Info|Baseline|Repair|Connect|Undo|Clean)(Error|Statement"
                    + "|StatementError|Applied)?(__[a-z0-9_]+)?\\.sql");
    private static final Pattern ANY_VERSIONED = Pattern.compile("V(\\d+)(?:[._]\\d+)*__.*\\.sql", Pattern.CASE_INSENSITIVE);

    /** Reads {@code directory}; fails only if it cannot be listed. */
    public static MigrationFolder read(Path directory) {
        List<Path> entries;
        try (Stream<Path> listing = Files.list(directory)) {
            entries = listing.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list migrations folder " + directory.toAbsolutePath()
                    + "; pass the folder that holds V001__initial_schema.sql", e);
        }
        List<Violation> violations = new ArrayList<>();
        List<MigrationScript> scripts = new ArrayList<>();
        List<Path> locked = new ArrayList<>();
        Map<Integer, List<String>> versions = new TreeMap<>();
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (Files.isDirectory(entry)) {
                violations.add(new Violation(name + "/", 0, Rule.IB103, "a subfolder of the migrations folder, which "
                        + "Flyway would read too: migrations sit directly in " + directory.getFileName() + "/"));
            } else if (name.equals(MigrationLock.FILE_NAME)) {
                continue;
            } else if (name.endsWith(".sql.conf")) {
                checkConf(entry, name, violations);
                locked.add(entry);
            } else if (MigrationScript.NAME.matcher(name).matches()) {
                MigrationScript script = MigrationScript.read(entry);
                scripts.add(script);
                locked.add(entry);
                versions.computeIfAbsent(script.version(), v -> new ArrayList<>()).add(name);
            } else if (CALLBACK.matcher(name).matches()) {
                continue; // a Flyway SQL callback, e.g. beforeEachMigrate.sql: not a migration, may change
            } else if (name.matches("(?i)U\\d.*\\.sql") || name.matches("(?i)R__.*\\.sql")
                    || name.endsWith(".java") || name.endsWith(".class")) {
                violations.add(new Violation(name, 0, Rule.IB103, name + " is "
                        + (name.startsWith("U") || name.startsWith("u") ? "an undo migration"
                        : name.startsWith("R") || name.startsWith("r") ? "a repeatable migration" : "Java code")));
            } else if (name.endsWith(".sql")) {
                Matcher versioned = ANY_VERSIONED.matcher(name);
                violations.add(new Violation(name, 0, Rule.IB101, "'" + name + "' is not V<3+ digits>__<lower_snake"
                        + "_description>.sql" + (versioned.matches() ? "" : " (Flyway would not even see it)")));
            } else {
                violations.add(new Violation(name, 0, Rule.IB103, "'" + name + "' is not a SQL migration; the "
                        + "migrations folder holds only V*.sql, their .sql.conf, SQL callbacks and migrations.lock"));
            }
        }
        checkVersions(versions, violations);
        for (Path conf : locked) {
            String confName = conf.getFileName().toString();
            if (confName.endsWith(".sql.conf") && scripts.stream()
                    .noneMatch(s -> (s.fileName() + ".conf").equals(confName))) {
                violations.add(new Violation(confName, 0, Rule.IB104, confName + " belongs to no migration"));
            }
        }
        return new MigrationFolder(directory, List.copyOf(scripts), List.copyOf(locked), List.copyOf(violations));
    }

    private static void checkConf(Path conf, String name, List<Violation> violations) {
        List<String> lines;
        try {
            lines = Files.readAllLines(conf, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + conf.toAbsolutePath(), e);
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

    private static void checkVersions(Map<Integer, List<String>> versions, List<Violation> violations) {
        int expected = 1;
        for (Map.Entry<Integer, List<String>> entry : versions.entrySet()) {
            if (entry.getValue().size() > 1) {
                violations.add(new Violation(entry.getValue().get(1), 0, Rule.IB102, "version " + entry.getKey()
                        + " is used by " + String.join(" and ", entry.getValue())));
            }
            if (entry.getKey() != expected) {
                violations.add(new Violation(entry.getValue().get(0), 0, Rule.IB102, "expected version "
                        + String.format("%03d", expected) + " next, found " + entry.getValue().get(0)));
            }
            expected = entry.getKey() + 1;
        }
    }
}

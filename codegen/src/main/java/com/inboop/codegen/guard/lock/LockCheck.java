package com.inboop.codegen.guard.lock;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.inboop.codegen.guard.rule.Rule;
import com.inboop.codegen.guard.rule.Violation;

/**
 * Compares the migration files with {@code migrations.lock}: edited (IB105), deleted (IB106) and unrecorded (IB107)
 * migrations, and a damaged lock (IB108). A local build records new migrations in the lock, but only once the whole
 * guard passed ({@link #record}), so a migration can still be fixed until it is clean; under CI nothing is recorded.
 *
 * @param directory  the migrations folder
 * @param violations what is wrong
 * @param added      new files that {@link #record} would add to the lock
 * @param updated    the lock to write, or null if it is current (or must not be written)
 */
public record LockCheck(Path directory, List<Violation> violations, List<String> added, MigrationLock updated) {

    /** Whether the check may append new migrations to the lock (a developer's build) or must not (CI). */
    public enum Mode {
        /** Append new migrations to the lock and tell the developer to commit it. */
        RECORD,
        /** A lock that lacks a migration fails: CI checks what was committed. */
        VERIFY,
        /** Someone else's folder, which keeps no lock: there is nothing to compare, so IB105 to IB108 do not apply. */
        NONE;

        /** VERIFY when the environment variable CI is {@code true}, as CI services set it; RECORD otherwise. */
        public static Mode fromEnvironment() {
            return fromEnvironment(System.getenv());
        }

        /** VERIFY when {@code environment} has CI={@code true}; RECORD otherwise. */
        public static Mode fromEnvironment(java.util.Map<String, String> environment) {
            return "true".equalsIgnoreCase(environment.get("CI")) ? VERIFY : RECORD;
        }
    }

    /** Checks {@code files} (in name order) in {@code directory} against its lock, recording new ones if allowed. */
    public static LockCheck run(Path directory, List<Path> files, Mode mode) {
        if (mode == Mode.NONE) {
            return new LockCheck(directory, List.of(), List.of(), null);
        }
        MigrationLock lock = MigrationLock.readFrom(directory);
        List<Violation> violations = new ArrayList<>();
        if (lock.total() != null && !lock.total().equals(lock.computedTotal())) {
            violations.add(new Violation(MigrationLock.FILE_NAME, 0, Rule.IB108, "its total line reads "
                    + lock.total() + " but its entries add up to " + lock.computedTotal()));
        } else if (lock.total() == null && !lock.entries().isEmpty() && mode == Mode.VERIFY) {
            violations.add(new Violation(MigrationLock.FILE_NAME, 0, Rule.IB108, "it has no total line"));
        }
        List<String> names = lock.names();
        if (!names.equals(names.stream().sorted().toList())) {
            violations.add(new Violation(MigrationLock.FILE_NAME, 0, Rule.IB108, "its entries are not in version "
                    + "order, as if a landed migration had been removed and recorded again"));
        }
        Map<String, String> current = new LinkedHashMap<>();
        for (Path file : files) {
            current.put(file.getFileName().toString(), MigrationLock.hash(file));
        }
        lock.entries().forEach((name, locked) -> {
            String actual = current.get(name);
            if (actual == null) {
                violations.add(new Violation(name, 0, Rule.IB106, name + " is recorded in " + MigrationLock.FILE_NAME
                        + " (sha256 " + locked + ") but no longer exists"));
            } else if (!actual.equals(locked)) {
                violations.add(new Violation(name, 0, Rule.IB105, name + " changed after it was recorded: "
                        + MigrationLock.FILE_NAME + " has sha256 " + locked + ", the file now has " + actual
                        + ". (Only if " + name + " is your own and not on main yet: delete its line and the total "
                        + "line from " + MigrationLock.FILE_NAME + "; the next build records both again.)"));
            }
        });
        Map<String, String> unrecorded = new LinkedHashMap<>(current);
        unrecorded.keySet().removeAll(lock.entries().keySet());
        if (mode == Mode.VERIFY) {
            unrecorded.keySet().forEach(name -> violations.add(new Violation(name, 0, Rule.IB107, name
                    + " is not in " + MigrationLock.FILE_NAME + " (CI=true: the lock must arrive with the migration)")));
            return new LockCheck(directory, violations, List.of(), null);
        }
        boolean upToDate = unrecorded.isEmpty() && lock.total() != null;
        return new LockCheck(directory, violations, List.copyOf(unrecorded.keySet()),
                upToDate || !violations.isEmpty() ? null : lock.plus(unrecorded));
    }

    /** Writes the updated lock, if there is one; call once every other check passed. */
    public void record() {
        if (updated != null) {
            updated.writeTo(directory);
        }
    }
}

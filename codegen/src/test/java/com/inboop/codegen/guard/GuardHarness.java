package com.inboop.codegen.guard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.inboop.codegen.Fixtures;
import com.inboop.codegen.guard.lock.LockCheck;
import com.inboop.codegen.guard.rule.Rule;
import com.inboop.codegen.guard.rule.Violation;
import com.inboop.codegen.migrate.MigrationRunner;
import com.inboop.codegen.postgres.EphemeralPostgres;

/** Runs the guard on a folder the way {@code check} does: both layers, whatever the static one found. */
final class GuardHarness {

    private GuardHarness() {
    }

    static GuardReport check(Path folder, EphemeralPostgres server, LockCheck.Mode mode) {
        GuardRun guard = new MigrationGuard(folder, mode).checkStatic();
        return guard.record(guard.checkOn(server, MigrationRunner.withSettings(Fixtures.flywayConf())));
    }

    /**
     * Copies a fixture folder under src/test/resources to {@code into}, so the guard may write a lock there, with
     * the shared baseline guard/baseline/V001__initial_schema.sql (the fixture folders hold only what follows it).
     */
    static Path copy(String fixture, Path into) {
        try {
            Files.createDirectories(into);
            for (String folder : List.of("guard/baseline", fixture)) {
                try (Stream<Path> files = Files.list(Fixtures.fixture("../" + folder))) {
                    for (Path file : files.toList()) {
                        Files.copy(file, into.resolve(file.getFileName()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return into;
    }

    static List<Rule> rules(GuardReport report) {
        return report.violations().stream().map(Violation::rule).distinct().toList();
    }
}

package com.inboop.codegen.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.inboop.codegen.guard.GuardReport;
import com.inboop.codegen.guard.GuardRun;
import com.inboop.codegen.guard.MigrationGuard;
import com.inboop.codegen.guard.Naming;
import com.inboop.codegen.guard.lock.LockCheck;
import com.inboop.codegen.guard.lock.MigrationLock;
import com.inboop.codegen.migrate.MigrationRunner;
import com.inboop.codegen.postgres.EphemeralPostgres;
import com.inboop.codegen.postgres.PostgresSettings;
import com.inboop.codegen.postgres.PostgresStartup;
import com.inboop.codegen.toolchain.Toolchain;

/**
 * {@code check DIR [options]}: runs the migration guard on a folder of Flyway migrations. Both layers run unless
 * {@code --static-only} says otherwise, whatever the static layer found (the semantic one on a throwaway Postgres
 * chosen by {@code -Dinboop.postgres}). It never writes into the folder unless {@code --record} asks it to.
 */
final class CheckCommand {

    static final String USAGE_TEXT = """
              check DIR [--format text|json] [--static-only] [--naming house|flyway] [--locks] [--ci] [--record]
                        [--flyway-config FILE]
                DIR              a folder of Flyway migrations, e.g. migrations/
                --format json    machine-readable report on standard output
                --static-only    files only, no Postgres (milliseconds)
                --naming flyway  accept any Flyway versioned name (V1__, V1.2__, V3_2_0__), for someone else's
                                 history; default house: V<3+ digits>__<lower_snake>.sql, contiguous versions
                --locks          also list the locks each migration held on existing tables
                --ci             a migration missing from migrations.lock is an error (also CI=true)
                --record         append new, clean migrations to DIR/migrations.lock (the build does this; check
                                 alone never writes)
                --flyway-config  Flyway settings to apply the migrations with
                                 (default: db/src/main/resources/com/inboop/db/migration/flyway.conf if present)""";

    private CheckCommand() {
    }

    /** Runs {@code check}; returns the exit status. */
    static int run(List<String> args, PrintStream out, java.util.Map<String, String> environment) {
        Options options = Options.parse(args, environment);
        GuardReport report = check(options);
        out.println(options.json() ? report.toJson() : report.render(options.locks()));
        return report.hasErrors() ? InboopDbCli.FAILED : InboopDbCli.CLEAN;
    }

    private static GuardReport check(Options options) {
        List<String> notes = new ArrayList<>();
        LockCheck.Mode lockMode = options.lockMode();
        if (!options.record() && !Files.exists(options.directory().resolve(MigrationLock.FILE_NAME))) {
            lockMode = LockCheck.Mode.NONE;
            notes.add("no " + MigrationLock.FILE_NAME + " in " + options.directory() + ": edits and deletions of "
                    + "applied migrations (IB105 to IB108) cannot be checked");
        }
        if (options.staticOnly()) {
            GuardRun guard = new MigrationGuard(options.directory(), lockMode, options.naming()).checkStatic();
            notes.add("semantic layer not run (--static-only): drops, renames, rewrites, cascades and locks are "
                    + "only seen when the migrations are applied");
            return guard.report().withNotes(notes);
        }
        long start = System.nanoTime();
        // The server starts while the static layer reads the files and Flyway loads: on a cold JVM they overlap.
        try (PostgresStartup startup = PostgresStartup.begin(
                PostgresSettings.fromEnvironment(Toolchain.current().postgresImage()))) {
            GuardRun guard = new MigrationGuard(options.directory(), lockMode, options.naming()).checkStatic();
            MigrationRunner runner = InboopDbCli.runner(options.flywayConfig(), Optional.of(options.directory()))
                    .warmedUp();
            try (EphemeralPostgres postgres = startup.await()) {
                long started = System.nanoTime();
                GuardReport report = guard.checkOn(postgres, runner);
                long applied = System.nanoTime();
                if (options.record()) {
                    report = guard.record(report);
                }
                // Where the time of a full check goes, so a slow one can be told apart: the server, or the
                // migrations.
                notes.add(String.format("time: %s ready in %d ms (started beside the static layer); migrations "
                                + "applied in %d ms, of which the semantic layer %d ms", postgres.description(),
                        (started - start) / 1_000_000, (applied - started) / 1_000_000, report.semanticMillis()));
                return report.withNotes(notes);
            }
        }
    }

    /** Parsed command line. */
    record Options(Path directory, boolean json, boolean staticOnly, boolean locks, LockCheck.Mode lockMode,
                   Naming naming, boolean record, Optional<Path> flywayConfig) {

        static Options parse(List<String> rest, java.util.Map<String, String> environment) {
            CommandLine line = CommandLine.parse(rest, Set.of("--static-only", "--locks", "--ci", "--record"),
                    Set.of("--format", "--naming", "--flyway-config"), 1);
            String format = line.value("--format").orElse("text");
            if (!format.equals("json") && !format.equals("text")) {
                throw new IllegalArgumentException("--format takes text or json, not '" + format + "'");
            }
            boolean json = format.equals("json");
            boolean staticOnly = line.has("--static-only");
            boolean locks = line.has("--locks");
            boolean record = line.has("--record");
            Naming naming = line.value("--naming").map(Naming::parse).orElse(Naming.HOUSE);
            LockCheck.Mode mode = line.has("--ci") ? LockCheck.Mode.VERIFY
                    : LockCheck.Mode.fromEnvironment(environment);
            Path directory = line.operands().isEmpty() ? null : Path.of(line.operands().get(0));
            Path flywayConfig = line.path("--flyway-config").orElse(null);
            if (directory == null) {
                throw new IllegalArgumentException("check needs the migrations folder, e.g. check migrations/");
            }
            if (!Files.isDirectory(directory)) {
                throw new IllegalArgumentException(directory.toAbsolutePath() + " is not a folder");
            }
            if (record && (staticOnly || mode == LockCheck.Mode.VERIFY)) {
                throw new IllegalArgumentException("--record needs both layers and cannot go with --static-only or "
                        + "--ci (CI checks the lock that was committed)");
            }
            return new Options(directory, json, staticOnly, locks, mode, naming, record,
                    Optional.ofNullable(flywayConfig));
        }
    }
}

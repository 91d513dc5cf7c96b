package com.inboop.codegen.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.inboop.codegen.Toolchain;
import com.inboop.codegen.guard.GuardReport;
import com.inboop.codegen.guard.MigrationGuard;
import com.inboop.codegen.guard.lock.LockCheck;
import com.inboop.codegen.postgres.EphemeralPostgres;
import com.inboop.codegen.postgres.PostgresSettings;

/**
 * {@code check DIR [--format text|json] [--static-only] [--locks] [--ci] [--flyway-config FILE]}: runs the migration
 * guard on a folder of Flyway migrations, both layers unless told otherwise (the semantic one on a throwaway
 * Postgres chosen by {@code -Dinboop.postgres}).
 */
final class CheckCommand {

    static final String USAGE_TEXT = """
              check DIR [--format text|json] [--static-only] [--locks] [--ci] [--flyway-config FILE]
                DIR              a folder of Flyway migrations, e.g. migrations/
                --format json    machine-readable report on standard output
                --static-only    files only, no Postgres (milliseconds)
                --locks          also list the locks each migration held on existing tables
                --ci             never write migrations.lock; a migration missing from it is an error (also CI=true)
                --flyway-config  Flyway settings to apply the migrations with
                                 (default: db/src/main/resources/com/inboop/db/migration/flyway.conf if present)""";

    private CheckCommand() {
    }

    /** Runs {@code check}; returns the exit status. */
    static int run(List<String> args, PrintStream out) {
        Options options = Options.parse(args);
        GuardReport report = check(options);
        out.println(options.json() ? report.toJson() : report.render(options.locks()));
        return report.hasErrors() ? InboopDbCli.FAILED : InboopDbCli.CLEAN;
    }

    private static GuardReport check(Options options) {
        MigrationGuard guard = new MigrationGuard(options.directory(), options.lockMode());
        MigrationGuard.StaticResult checked = guard.checkStatic();
        if (options.staticOnly()) {
            return guard.report(checked, Optional.empty());
        }
        GuardReport staticReport = guard.report(checked, Optional.empty());
        if (staticReport.hasErrors()) {
            return staticReport; // applying migrations that break static rules proves nothing more
        }
        try (EphemeralPostgres postgres = PostgresSettings.fromEnvironment(Toolchain.current().postgresImage())
                .start()) {
            return guard.checkOn(postgres, InboopDbCli.runner(options.flywayConfig()), checked);
        }
    }

    /** Parsed command line. */
    record Options(Path directory, boolean json, boolean staticOnly, boolean locks, LockCheck.Mode lockMode,
                   Optional<Path> flywayConfig) {

        static Options parse(List<String> rest) {
            Path directory = null;
            boolean json = false;
            boolean staticOnly = false;
            boolean locks = false;
            LockCheck.Mode mode = LockCheck.Mode.fromEnvironment();
            Path flywayConfig = null;
            for (int i = 0; i < rest.size(); i++) {
                String arg = rest.get(i);
                switch (arg) {
                    case "--format" -> {
                        String format = i + 1 < rest.size() ? rest.get(++i) : "";
                        if (!format.equals("json") && !format.equals("text")) {
                            throw new IllegalArgumentException("--format takes text or json, not '" + format + "'");
                        }
                        json = format.equals("json");
                    }
                    case "--static-only" -> staticOnly = true;
                    case "--locks" -> locks = true;
                    case "--ci" -> mode = LockCheck.Mode.VERIFY;
                    case "--flyway-config" -> {
                        if (i + 1 >= rest.size()) {
                            throw new IllegalArgumentException("--flyway-config needs a file");
                        }
                        flywayConfig = Path.of(rest.get(++i));
                    }
                    default -> {
                        if (arg.startsWith("--") || directory != null) {
                            throw new IllegalArgumentException("unexpected argument '" + arg + "'");
                        }
                        directory = Path.of(arg);
                    }
                }
            }
            if (directory == null) {
                throw new IllegalArgumentException("check needs the migrations folder, e.g. check migrations/");
            }
            if (!Files.isDirectory(directory)) {
                throw new IllegalArgumentException(directory.toAbsolutePath() + " is not a folder");
            }
            return new Options(directory, json, staticOnly, locks, mode, Optional.ofNullable(flywayConfig));
        }
    }
}

package com.inboop.codegen.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import com.inboop.codegen.failure.CodegenException;
import com.inboop.codegen.migrate.MigrationFailedException;
import com.inboop.codegen.migrate.FlywaySettingsFile;
import com.inboop.codegen.migrate.MigrationRunner;

/**
 * The developer's command line, run from the repository root:
 * {@code ./inboop-db check migrations/} (the script runs this class on the built jar and {@code codegen/target/lib}; it
 * sends {@code backfill}, {@code migrate}, {@code validate} and {@code info} to the db module's commands instead).
 * Commands: {@code check} (the
 * migration guard), {@code diff} (the change report) and {@code align} (proposals toward the design). Exit status: 0 clean, 1 errors or breaking changes,
 * 2 usage or I/O problem, or nothing to compare (a {@code diff} point whose migrations do not apply).
 */
public final class InboopDbCli {

    static final int CLEAN = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final Path DEFAULT_FLYWAY_CONFIG =
            Path.of("db/src/main/resources/com/inboop/db/migration/flyway.conf");

    private InboopDbCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System.getenv());
    }

    /** Runs a command in {@code environment} (which decides, through CI, whether the lock may be recorded). */
    static int run(String[] args, PrintStream out, PrintStream err, java.util.Map<String, String> environment) {
        List<String> rest = new ArrayList<>(List.of(args));
        String command = rest.isEmpty() ? "" : rest.remove(0);
        String usage = switch (command) {
            case "check" -> CheckCommand.USAGE_TEXT;
            case "diff" -> DiffCommand.USAGE_TEXT;
            case "align" -> AlignCommand.USAGE_TEXT;
            default -> CheckCommand.USAGE_TEXT + "\n" + DiffCommand.USAGE_TEXT + "\n" + AlignCommand.USAGE_TEXT;
        };
        if (rest.contains(CommandLine.HELP) || command.equals(CommandLine.HELP)) {
            out.println("usage:\n" + usage + "\n  every command also takes --verbose (the libraries' log lines) and "
                    + "--help");
            return CLEAN;
        }
        quietLibraries(rest.contains(CommandLine.VERBOSE));
        try {
            return switch (command) {
                case "check" -> CheckCommand.run(rest, out, environment);
                case "diff" -> DiffCommand.run(rest, out);
                case "align" -> AlignCommand.run(rest, out, environment);
                default -> throw new IllegalArgumentException(command.isEmpty() ? "no command given"
                        : "unknown command '" + command + "'; the commands are check, diff and align (and, through "
                        + "./inboop-db, backfill, migrate, validate and info)");
            };
        } catch (IllegalArgumentException e) {
            err.println("inboop-db: " + Redaction.redact(e.getMessage(), environment));
            err.println("usage:\n" + usage);
            return USAGE;
        } catch (MigrationFailedException e) {
            err.println(Redaction.redact(e.getMessage(), environment));
            return FAILED;
        } catch (CodegenException | UncheckedIOException e) {
            err.println("inboop-db: " + Redaction.redact(e.getMessage(), environment));
            return USAGE;
        }
    }

    /**
     * Flyway logs every step, and the embedded server's library its own; a command prints what it found itself, so
     * they say only warnings unless {@code --verbose}. slf4j-simple reads these before its first logger exists.
     */
    private static void quietLibraries(boolean verbose) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", verbose ? "info" : "error");
    }

    /**
     * Flyway settings, from where a project keeps them: the given file ({@code --flyway-config}); else a
     * {@code flyway.conf} or {@code flyway.toml} beside the migrations folder ({@code folder}, if known); else db's
     * flyway.conf when run from this repository's root; else Flyway's defaults. Then {@code -Dflyway.*} system
     * properties (Maven-style, e.g. {@code INBOOP_DB_JAVA_OPTS=-Dflyway.schemas=app}) over them.
     */
    static MigrationRunner runner(Optional<Path> flywayConfig, Optional<Path> folder) {
        Properties settings = new Properties();
        Optional<Path> beside = folder.map(f -> f.toAbsolutePath().getParent()).flatMap(parent -> Stream
                .of(parent.resolve("flyway.conf"), parent.resolve("flyway.toml")).filter(Files::isRegularFile)
                .findFirst());
        Optional<Path> file = flywayConfig.or(() -> beside)
                .or(() -> Optional.of(DEFAULT_FLYWAY_CONFIG).filter(Files::isRegularFile));
        if (file.isPresent()) {
            settings.putAll(FlywaySettingsFile.read(file.get(),
                    "pass a readable flyway.conf or flyway.toml with --flyway-config"));
        } else {
            settings.setProperty("flyway.postgresql.transactional.lock", "false");
        }
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("flyway."))
                .forEach(name -> settings.setProperty(name, System.getProperty(name)));
        return MigrationRunner.withSettings(settings);
    }

    /** {@link #runner(Optional, Optional)} without a folder to look beside. */
    static MigrationRunner runner(Optional<Path> flywayConfig) {
        return runner(flywayConfig, Optional.empty());
    }
}

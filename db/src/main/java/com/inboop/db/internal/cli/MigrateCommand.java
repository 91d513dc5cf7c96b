package com.inboop.db.internal.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;

import com.inboop.db.migration.InboopMigrations;

/**
 * The production migrate step as a command, for a deploy that applies migrations before the application starts
 * (what the backend's Flyway container does today):
 * <pre>
 * INBOOP_DB_PASSWORD=... java -cp 'inboop-db.jar:lib/*' com.inboop.db.internal.cli.MigrateCommand \
 *     migrate --url jdbc:postgresql://HOST:5432/inboop --user inboop
 * </pre>
 * Commands: {@code migrate}, {@code validate}, {@code info}, each with {@code --help}. The password comes from
 * {@code --password-file}, {@code INBOOP_DB_PASSWORD} or {@code PGPASSWORD}, never from the command line
 * ({@link DatabaseLogin}). Exit status ({@link ExitStatus}): 0 done, 1 refused or failed (Flyway's message, e.g. the
 * adoption gate's, is printed), 2 usage.
 */
public final class MigrateCommand {

    private static final List<String> COMMANDS = List.of("migrate", "validate", "info");

    private MigrateCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs a command; returns its exit status. */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        if (args.length == 0 || !COMMANDS.contains(args[0])) {
            err.println("inboop-db: " + (args.length == 0 ? "no command given" : "unknown command '" + args[0] + "'")
                    + "; the commands are " + String.join(", ", COMMANDS) + " (each with --help)");
            return ExitStatus.USAGE;
        }
        String command = args[0];
        return CommandRunner.run("inboop-db " + command, command + " --url URL [--user USER] [--password-file FILE]",
                List.of(), Arrays.copyOfRange(args, 1, args.length), new CommandRunner.Streams(out, err, environment),
                (line, login) -> run(command, login, out, err));
    }

    private static int run(String command, DatabaseLogin login, PrintStream out, PrintStream err) {
        Flyway flyway = InboopMigrations.flyway(login.url(), login.user(), login.password());
        try {
            return switch (command) {
                case "migrate" -> migrate(flyway, out);
                case "validate" -> validate(flyway, out, err);
                default -> info(flyway, out);
            };
        } catch (FlywayException e) {
            if (LockHolders.causedByLockTimeout(e)) {
                err.println(login.redact(e.getMessage()));
                // Say what it waited for: only sessions with older transactions can have held the lock that long.
                List<String> holders = LockHolders.describe(login.url(), login.user(), login.password());
                err.println("inboop-db: the migration waited longer than lock_timeout (5 s) for a lock and failed;"
                        + " the next migrate runs it again from the start. " + (holders.isEmpty()
                        ? "No session holds an older transaction now: run migrate again."
                        : "Sessions with older transactions, one of which held it:"));
                holders.forEach(holder -> err.println("  " + holder));
                if (!holders.isEmpty()) {
                    err.println("  Retry when they have finished, or end one with SELECT pg_terminate_backend(pid).");
                }
                return ExitStatus.FAILED;
            }
            throw e;
        }
    }

    private static int migrate(Flyway flyway, PrintStream out) {
        MigrateResult result = InboopMigrations.migrate(flyway.getConfiguration().getDataSource(),
                message -> out.println("inboop-db: " + message));
        out.println("inboop-db: " + result.migrationsExecuted + " migration(s) applied; schema now at V"
                + (result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion)
                + " (history: " + InboopMigrations.HISTORY_TABLE + ")");
        return ExitStatus.DONE;
    }

    private static int validate(Flyway flyway, PrintStream out, PrintStream err) {
        ValidateResult result = flyway.validateWithResult();
        if (result.validationSuccessful) {
            out.println("inboop-db: the applied migrations match this jar's");
            return ExitStatus.DONE;
        }
        err.println("inboop-db: validation failed:");
        // Not applied yet is one finding, however many migrations it covers; the others are listed one by one.
        List<String> pending = result.invalidMigrations.stream()
                .filter(m -> m.errorDetails.errorCode == CoreErrorCode.RESOLVED_VERSIONED_MIGRATION_NOT_APPLIED)
                .map(m -> "V" + m.version).toList();
        if (!pending.isEmpty()) {
            err.println("  " + pending.size() + " migration(s) of this jar not applied yet (" + pending.get(0)
                    + (pending.size() > 1 ? " to " + pending.get(pending.size() - 1) : "") + "): run migrate");
        }
        result.invalidMigrations.stream()
                .filter(m -> m.errorDetails.errorCode != CoreErrorCode.RESOLVED_VERSIONED_MIGRATION_NOT_APPLIED)
                .forEach(m -> err.println("  V" + m.version + " " + m.description + ": "
                        + LibraryLogging.withoutFlywayAdvice(m.errorDetails.errorMessage)));
        return ExitStatus.FAILED;
    }

    private static int info(Flyway flyway, PrintStream out) {
        MigrationInfo[] all = flyway.info().all(); // before the header: a failure prints no half of a table
        out.printf("%-8s %-60s %-10s %s%n", "version", "description", "state", "installed on");
        for (MigrationInfo info : all) {
            out.printf("%-8s %-60s %-10s %s%n", info.getVersion() == null ? "" : info.getVersion(),
                    info.getDescription(), info.getState().getDisplayName(),
                    info.getInstalledOn() == null ? "" : info.getInstalledOn());
        }
        return ExitStatus.DONE;
    }
}

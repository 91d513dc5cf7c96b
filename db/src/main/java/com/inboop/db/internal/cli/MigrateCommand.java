package com.inboop.db.internal.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
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
 * Commands: {@code migrate}, {@code validate}, {@code info}. The password comes from {@code INBOOP_DB_PASSWORD} (or
 * {@code PGPASSWORD}), never from the command line, where other users of the machine could read it. Exit status 0
 * done, 1 refused or failed (Flyway's message, e.g. the adoption gate's, is printed), 2 usage.
 */
public final class MigrateCommand {

    private static final List<String> COMMANDS = List.of("migrate", "validate", "info");
    private static final List<String> OPTIONS = List.of("--url", "--user");

    private MigrateCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        if (args.length == 0 || !COMMANDS.contains(args[0])) {
            return usage(err, args.length == 0 ? "no command given" : "unknown command '" + args[0] + "'");
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i])) {
                return usage(err, "unknown option '" + args[i] + "'");
            }
            if (i + 1 >= args.length || args[i + 1].isBlank()) {
                return usage(err, args[i] + " needs a value");
            }
            options.put(args[i], args[i + 1]);
        }
        if (!options.containsKey("--url") || !options.get("--url").startsWith("jdbc:postgresql://")) {
            return usage(err, "--url jdbc:postgresql://HOST:PORT/DATABASE is required");
        }
        String password = environment.getOrDefault("INBOOP_DB_PASSWORD", environment.get("PGPASSWORD"));
        Flyway flyway = InboopMigrations.flyway(options.get("--url"), options.get("--user"), password);
        try {
            return switch (args[0]) {
                case "migrate" -> migrate(flyway, out);
                case "validate" -> validate(flyway, out, err);
                default -> info(flyway, out);
            };
        } catch (FlywayException e) {
            err.println("inboop-db " + args[0] + " failed on " + options.get("--url") + ":");
            err.println(e.getMessage());
            if (LockHolders.causedByLockTimeout(e)) {
                // Say what it waited for: only sessions with older transactions can have held the lock that long.
                List<String> holders = LockHolders.describe(options.get("--url"), options.get("--user"), password);
                err.println("inboop-db: the migration waited longer than lock_timeout (5 s) for a lock and failed;"
                        + " the next migrate runs it again from the start. " + (holders.isEmpty()
                        ? "No session holds an older transaction now: run migrate again."
                        : "Sessions with older transactions, one of which held it:"));
                holders.forEach(holder -> err.println("  " + holder));
                if (!holders.isEmpty()) {
                    err.println("  Retry when they have finished, or end one with SELECT pg_terminate_backend(pid).");
                }
            }
            return 1;
        }
    }

    private static int migrate(Flyway flyway, PrintStream out) {
        MigrateResult result = InboopMigrations.migrate(flyway.getConfiguration().getDataSource(), message -> out.println("inboop-db: " + message));
        out.println("inboop-db: " + result.migrationsExecuted + " migration(s) applied; schema now at V"
                + (result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion)
                + " (history: " + InboopMigrations.HISTORY_TABLE + ")");
        return 0;
    }

    private static int validate(Flyway flyway, PrintStream out, PrintStream err) {
        ValidateResult result = flyway.validateWithResult();
        if (result.validationSuccessful) {
            out.println("inboop-db: the applied migrations match this jar's");
            return 0;
        }
        err.println("inboop-db: validation failed:");
        result.invalidMigrations.forEach(m -> err.println("  V" + m.version + " " + m.description + ": "
                + m.errorDetails.errorMessage));
        return 1;
    }

    private static int info(Flyway flyway, PrintStream out) {
        out.printf("%-8s %-60s %-10s %s%n", "version", "description", "state", "installed on");
        for (MigrationInfo info : flyway.info().all()) {
            out.printf("%-8s %-60s %-10s %s%n", info.getVersion() == null ? "" : info.getVersion(),
                    info.getDescription(), info.getState().getDisplayName(),
                    info.getInstalledOn() == null ? "" : info.getInstalledOn());
        }
        return 0;
    }

    private static int usage(PrintStream err, String problem) {
        err.println("inboop-db: " + problem);
        err.println("usage: MigrateCommand migrate|validate|info --url jdbc:postgresql://HOST:PORT/DB [--user USER]"
                + " (password from INBOOP_DB_PASSWORD or PGPASSWORD)");
        return 2;
    }
}

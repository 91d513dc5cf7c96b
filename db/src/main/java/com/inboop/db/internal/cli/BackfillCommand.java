package com.inboop.db.internal.cli;

import java.io.PrintStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.CloseableDSLContext;
import org.jooq.impl.DSL;

import com.inboop.db.InvalidRequestException;
import com.inboop.db.internal.backfill.BackfillJob;
import com.inboop.db.internal.backfill.BackfillOptions;
import com.inboop.db.internal.backfill.BackfillRunner;
import com.inboop.db.internal.backfill.BusinessWorkspaceBackfill;
import com.inboop.db.internal.backfill.ContactLinkBackfill;
import com.inboop.db.internal.backfill.ConversationCountsBackfill;
import com.inboop.db.internal.backfill.FirstMessageAtBackfill;
import com.inboop.db.internal.backfill.InboxTabCountsBackfill;
import com.inboop.db.internal.backfill.LeadOrderCountsBackfill;
import com.inboop.db.internal.backfill.MessageBusinessBackfill;
import com.inboop.db.internal.backfill.MessageOriginBackfill;
import com.inboop.db.internal.backfill.TypedColumnSync;
import com.inboop.db.migration.CompatibilityReport;
import com.inboop.db.migration.SchemaCompatibility;

/**
 * Runs backfills from the command line against a database:
 * {@code --url jdbc:postgresql://HOST/DB [--user U] [--password-file F] --job NAME|all [--batch-size N] [--dry-run]};
 * the password as {@link DatabaseLogin} reads it, never from the command line. From this repository:
 * {@code ./inboop-db backfill --url ... --job all --dry-run}. Exit status ({@link ExitStatus}): 0 done, 1 a job failed
 * or the database is not migrated, 2 usage.
 */
public final class BackfillCommand {

    private static final CommandLine.Option JOB = CommandLine.Option.valued("--job", "NAME|all",
            "the job to run, or all of them in order");
    private static final CommandLine.Option BATCH_SIZE = CommandLine.Option.valued("--batch-size", "N",
            "rows per transaction (default " + BackfillOptions.defaults().batchSize() + ")");
    private static final CommandLine.Option DRY_RUN = CommandLine.Option.flag("--dry-run",
            "count what each job would change, writing nothing");
    private static final List<CommandLine.Option> OPTIONS = List.of(JOB, BATCH_SIZE, DRY_RUN);

    /** Every job, in the order {@code all} runs them (businesses and leads first: they are the cheapest). */
    public static final Map<String, BackfillJob> JOBS = jobs();

    private BackfillCommand() {
    }

    private static Map<String, BackfillJob> jobs() {
        Map<String, BackfillJob> jobs = new LinkedHashMap<>();
        for (BackfillJob job : List.of(new BusinessWorkspaceBackfill(), TypedColumnSync.leadStatus(),
                TypedColumnSync.orderStatus(), TypedColumnSync.paymentStatus(), TypedColumnSync.intentLabel(),
                TypedColumnSync.leadAssignee(), new ContactLinkBackfill(), new FirstMessageAtBackfill(),
                new ConversationCountsBackfill(), new MessageOriginBackfill(), new MessageBusinessBackfill(),
                new InboxTabCountsBackfill(), new LeadOrderCountsBackfill())) {
            jobs.put(job.name(), job);
        }
        return Collections.unmodifiableMap(jobs);
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs with this process's environment and standard streams; returns the exit status. */
    public static int run(String[] args) {
        return run(args, System.getenv(), System.out, System.err);
    }

    /** Runs a backfill; returns the exit status. */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        return CommandRunner.run("inboop-db backfill", "backfill --url URL [--user USER] [--password-file FILE] "
                        + "--job NAME|all [--batch-size N] [--dry-run]; the jobs: " + String.join(", ", JOBS.keySet()),
                OPTIONS, args, new CommandRunner.Streams(out, err, environment),
                (line, login) -> run(login, selected(line.required(JOB)), options(line), out, err));
    }

    private static List<BackfillJob> selected(String job) {
        if (job.equals("all")) {
            return List.copyOf(JOBS.values());
        }
        if (!JOBS.containsKey(job)) {
            throw new UsageException("unknown job '" + job + "'; the jobs are " + String.join(", ", JOBS.keySet())
                    + " and all");
        }
        return List.of(JOBS.get(job));
    }

    private static BackfillOptions options(CommandLine line) {
        BackfillOptions options = BackfillOptions.defaults().withDryRun(line.has(DRY_RUN));
        if (line.value(BATCH_SIZE).isEmpty()) {
            return options;
        }
        String size = line.value(BATCH_SIZE).get();
        try {
            return options.withBatchSize(Integer.parseInt(size));
        } catch (NumberFormatException | InvalidRequestException e) {
            throw new UsageException("--batch-size takes a whole number from 1 to " + BackfillOptions.MAX_BATCH_SIZE
                    + ", was '" + size + "'");
        }
    }

    private static int run(DatabaseLogin login, List<BackfillJob> jobs, BackfillOptions options, PrintStream out,
                           PrintStream err) {
        try (CloseableDSLContext dsl = DSL.using(login.url(), login.user(),
                login.password() == null ? "" : login.password())) {
            CompatibilityReport schema = new SchemaCompatibility(dsl).check();
            if (!schema.missing().isEmpty() || !schema.mismatched().isEmpty()) {
                err.println("inboop-db backfill: " + login.url() + " is not migrated to this inboop-db's schema, so "
                        + "no job can run there. " + schema.describe());
                return ExitStatus.FAILED;
            }
            BackfillRunner runner = new BackfillRunner(dsl, out::println);
            for (BackfillJob job : jobs) {
                runner.run(job, options);
            }
            return ExitStatus.DONE;
        }
    }
}

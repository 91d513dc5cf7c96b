package com.inboop.db.internal.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.CloseableDSLContext;
import org.jooq.impl.DSL;

import com.inboop.db.InboopDbException;
import com.inboop.db.InvalidRequestException;
import com.inboop.db.internal.backfill.BackfillJob;
import com.inboop.db.internal.backfill.BackfillOptions;
import com.inboop.db.internal.backfill.BackfillRunner;
import com.inboop.db.internal.backfill.BusinessWorkspaceBackfill;
import com.inboop.db.internal.backfill.ContactLinkBackfill;
import com.inboop.db.internal.backfill.ConversationCountsBackfill;
import com.inboop.db.internal.backfill.FirstMessageAtBackfill;
import com.inboop.db.internal.backfill.MessageOriginBackfill;
import com.inboop.db.internal.backfill.TypedColumnSync;
import com.inboop.db.migration.CompatibilityReport;
import com.inboop.db.migration.SchemaCompatibility;

/**
 * Runs backfills from the command line against a database:
 * {@code --url jdbc:postgresql://HOST/DB --user U [--password P] --job NAME|all [--batch-size N] [--dry-run]}.
 * From this repository: {@code ./mvnw -q -pl db exec:java -Dexec.mainClass=com.inboop.db.internal.cli.BackfillCommand
 * -Dexec.args="--url ... --job all --dry-run"}. Exit status 0 done, 1 a job failed, 2 usage.
 */
public final class BackfillCommand {

    private static final String DRY_RUN = "--dry-run";
    private static final List<String> WITH_VALUE = List.of("--url", "--user", "--password", "--job", "--batch-size");

    /** Every job, in the order {@code all} runs them (businesses and leads first: they are the cheapest). */
    public static final Map<String, BackfillJob> JOBS = jobs();

    private BackfillCommand() {
    }

    private static Map<String, BackfillJob> jobs() {
        Map<String, BackfillJob> jobs = new LinkedHashMap<>();
        for (BackfillJob job : List.of(new BusinessWorkspaceBackfill(), TypedColumnSync.leadStatus(),
                TypedColumnSync.orderStatus(), TypedColumnSync.paymentStatus(), TypedColumnSync.intentLabel(),
                TypedColumnSync.leadAssignee(), new ContactLinkBackfill(), new FirstMessageAtBackfill(),
                new ConversationCountsBackfill(), new MessageOriginBackfill())) {
            jobs.put(job.name(), job);
        }
        return java.util.Collections.unmodifiableMap(jobs);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        boolean dryRun = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals(DRY_RUN)) {
                dryRun = true;
            } else if (!WITH_VALUE.contains(option)) {
                // A misspelt option must never be ignored: "--dryrun yes" would otherwise write every row.
                return usage("unknown " + (option.startsWith("-") ? "option" : "argument") + " '" + option
                        + "'; the options are " + String.join(", ", WITH_VALUE) + " and " + DRY_RUN);
            } else if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                return usage(option + " needs a value");
            } else if (options.put(option, args[++i]) != null) {
                return usage(option + " is given twice");
            }
        }
        if (!options.containsKey("--url") || !options.containsKey("--job")) {
            return usage("--url and --job are required");
        }
        List<BackfillJob> selected = new ArrayList<>();
        String job = options.get("--job");
        if (job.equals("all")) {
            selected.addAll(JOBS.values());
        } else if (JOBS.containsKey(job)) {
            selected.add(JOBS.get(job));
        } else {
            return usage("unknown job '" + job + "'; the jobs are " + String.join(", ", JOBS.keySet()) + " and all");
        }
        BackfillOptions backfill = BackfillOptions.defaults().withDryRun(dryRun);
        if (options.containsKey("--batch-size")) {
            try {
                backfill = backfill.withBatchSize(Integer.parseInt(options.get("--batch-size")));
            } catch (NumberFormatException | InvalidRequestException e) {
                return usage("--batch-size takes a whole number from 1 to " + BackfillOptions.MAX_BATCH_SIZE
                        + ", was '" + options.get("--batch-size") + "'");
            }
        }
        try {
            try (CloseableDSLContext dsl = DSL.using(options.get("--url"), options.getOrDefault("--user", "postgres"),
                    options.getOrDefault("--password", ""))) {
                CompatibilityReport schema = new SchemaCompatibility(dsl).check();
                if (!schema.missing().isEmpty() || !schema.mismatched().isEmpty()) {
                    System.err.println("backfill: " + options.get("--url") + " is not migrated to this inboop-db's "
                            + "schema, so no job can run there. " + schema.describe());
                    return 1;
                }
                BackfillRunner runner = new BackfillRunner(dsl, System.out::println);
                for (BackfillJob each : selected) {
                    runner.run(each, backfill);
                }
            }
            return 0;
        } catch (InboopDbException | org.jooq.exception.DataAccessException e) {
            System.err.println("backfill failed: " + e.getMessage());
            return 1;
        }
    }

    private static int usage(String problem) {
        System.err.println("backfill: " + problem);
        System.err.println("usage: --url jdbc:postgresql://HOST:PORT/DB [--user U] [--password P] --job NAME|all "
                + "[--batch-size N] [--dry-run]");
        return 2;
    }
}

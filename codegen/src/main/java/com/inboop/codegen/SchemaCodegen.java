package com.inboop.codegen;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.inboop.codegen.concurrent.Background;
import com.inboop.codegen.failure.CodegenException;
import com.inboop.codegen.fingerprint.Fingerprint;
import com.inboop.codegen.guard.GuardFailedException;
import com.inboop.codegen.guard.GuardReport;
import com.inboop.codegen.guard.GuardRun;
import com.inboop.codegen.guard.MigrationGuard;
import com.inboop.codegen.guard.lock.LockCheck;
import com.inboop.codegen.jooq.JooqGenerator;
import com.inboop.codegen.migrate.MigrationFiles;
import com.inboop.codegen.migrate.MigrationRunner;
import com.inboop.codegen.postgres.EphemeralPostgres;
import com.inboop.codegen.postgres.PostgresSettings;
import com.inboop.codegen.postgres.PostgresStartup;
import com.inboop.codegen.postgres.ThrowawayDatabase;
import com.inboop.codegen.toolchain.Toolchain;

/**
 * One codegen run: check the migrations with the guard's static layer, fingerprint the inputs and stop if the
 * generated classes are current; otherwise provision a Postgres, apply the migrations under the guard's semantic
 * layer, generate the jOOQ classes, and tear the Postgres down whatever happened.
 *
 * @param migrations   the Flyway migrations folder
 * @param flywayConfig Flyway settings shared with production ({@code flyway.*} properties)
 * @param jooqConfig   jOOQ codegen configuration (jOOQ's XML format)
 * @param output       where the generated sources go; replaced as a whole
 */
public record SchemaCodegen(Path migrations, Path flywayConfig, Path jooqConfig, Path output) {

    /**
     * A file in the generated sources naming the Postgres server the classes were generated on, with the version the
     * server itself reported (e.g. {@code embedded PostgreSQL 17.6}).
     */
    public static final String SERVER_FILE = ".inboop-codegen.server";

    /** What a run did, ready to print as one line, and the migration guard's verdict. */
    public sealed interface Outcome permits UpToDate, Generated {
        String summary();

        /** The guard's report: static only when nothing was regenerated. */
        GuardReport guard();
    }

    /** Nothing changed since the classes were generated; no Postgres was started. */
    public record UpToDate(String versionRange, long checkMillis, GuardReport guard) implements Outcome {
        @Override
        public String summary() {
            return "jOOQ classes up to date with " + versionRange + " (checked in " + checkMillis + " ms)";
        }
    }

    /** Classes were (re)generated; timings in milliseconds. */
    public record Generated(String postgres, long provisionMillis, int migrations, long migrateMillis, int tables,
                            int enums, long generateMillis, GuardReport guard) implements Outcome {
        @Override
        public String summary() {
            return String.format("jOOQ classes generated: provision %s %d ms, migrate (%d migrations) %d ms, "
                            + "generate (%d tables, %d enums) %d ms",
                    postgres, provisionMillis, migrations, migrateMillis, tables, enums, generateMillis);
        }
    }

    /**
     * Runs codegen unless the stored fingerprint matches.
     *
     * @param force    regenerate even if the fingerprint matches
     * @param settings which Postgres to provision
     */
    public Outcome run(boolean force, PostgresSettings settings) {
        return run(force, settings, LockCheck.Mode.fromEnvironment());
    }

    /**
     * Runs codegen unless the stored fingerprint matches, after the migration guard's static layer passed; the
     * semantic layer watches the migrations as they apply.
     *
     * @param lockMode whether new migrations may be recorded in migrations.lock (a developer's build) or not (CI)
     * @throws GuardFailedException if the migrations break the design's rules
     */
    public Outcome run(boolean force, PostgresSettings settings, LockCheck.Mode lockMode) {
        long start = System.nanoTime();
        MigrationFiles files = MigrationFiles.in(migrations);
        GuardRun guard = new MigrationGuard(migrations, lockMode).checkStatic();
        GuardReport staticReport = guard.report();
        if (staticReport.hasErrors()) {
            // The build stops here, before starting Postgres; `check` runs both layers whatever the first found.
            throw new GuardFailedException(staticReport.withNotes(List.of("semantic layer not run: the build stops "
                    + "at the static layer's errors (./inboop-db check " + migrations + " runs both layers)")));
        }
        Fingerprint fingerprint = fingerprint(files, settings);
        if (!force && Optional.of(fingerprint).equals(Fingerprint.storedIn(output))) {
            // These exact migrations passed the whole guard when the classes were generated.
            guard.recordInLock();
            // No server needed, but what killed runs left behind goes all the same.
            settings.removeLeftovers().forEach(System.err::println);
            return new UpToDate(files.versionRange(), millis(start, System.nanoTime()), staticReport);
        }
        try (PostgresStartup startup = PostgresStartup.begin(settings)) {
            // Load Flyway while the server starts, and jOOQ's generator while the migrations run: on a cold JVM each
            // takes about as long as what it overlaps.
            MigrationRunner runner = MigrationRunner.withSettings(flywayConfig).warmedUp();
            Background<JooqGenerator> generatorLoading = Background.start("inboop-jooq-warmup",
                    () -> new JooqGenerator(jooqConfig).warmedUp());
            try (EphemeralPostgres postgres = startup.await();
                 ThrowawayDatabase database = ThrowawayDatabase.create(postgres, "inboop_codegen")) {
                long provisioned = System.nanoTime();
                int applied = runner.migrate(database.target(), files, guard.semanticPass());
                GuardReport report = guard.record(guard.report());
                if (report.hasErrors()) {
                    throw new GuardFailedException(report);
                }
                long migrated = System.nanoTime();
                JooqGenerator.Generated generated = generatorLoading.join().generate(database.target(), output, staging -> {
                    fingerprint.storeIn(staging);
                    // What really ran, read from the server: the pinned version is only what should have.
                    Files.writeString(staging.resolve(SERVER_FILE), postgres.description() + "\n",
                            StandardCharsets.UTF_8);
                });
                long done = System.nanoTime();
                return new Generated(postgres.description(), millis(start, provisioned), applied,
                        millis(provisioned, migrated), generated.tables(), generated.enums(), millis(migrated, done),
                        report);
            }
        }
    }

    /**
     * The fingerprint of the current inputs, toolchain and Postgres provider: another provider (or server, or image)
     * may generate differently, so switching it regenerates.
     */
    public Fingerprint fingerprint(MigrationFiles files, PostgresSettings settings) {
        List<Path> inputs = new ArrayList<>(files.files());
        inputs.add(flywayConfig);
        inputs.add(jooqConfig);
        for (Path input : List.of(flywayConfig, jooqConfig)) {
            if (!Files.isRegularFile(input)) {
                throw new CodegenException(input.toAbsolutePath() + " does not exist; pass the file the db module "
                        + "keeps in src/main.");
            }
        }
        return Fingerprint.of(inputs, Toolchain.current().describe() + " " + settings.describe());
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }
}

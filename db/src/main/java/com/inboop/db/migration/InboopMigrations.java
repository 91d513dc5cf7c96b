package com.inboop.db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;

import com.inboop.db.InboopDbException;

/**
 * Applies the migrations shipped in this jar ({@code classpath:inboop/db/migration}) with the settings in
 * {@code com/inboop/db/migration/flyway.conf}: inboop-db's own history table ({@value #HISTORY_TABLE}; the backend's
 * {@code flyway_schema_history} is never touched), clean disabled, strictly in order, validated before migrating,
 * a {@code lock_timeout} on every migration (the {@code beforeEachMigrate.sql} callback), and adoption of an existing
 * Inboop database: one whose backend history is at version 13 is baselined at version 1, and any other non-empty
 * database is refused before anything is written (the {@code beforeBaseline.sql} callback). Mistakes are fixed with
 * new migrations; there are no undo migrations.
 *
 * <p>A migration that runs outside a transaction (an index built {@code CONCURRENTLY}, with its {@code .sql.conf})
 * and failed, e.g. at the {@code lock_timeout}, stays recorded as failed, which makes Flyway refuse every later
 * migrate until a manual {@code repair}. Each of them is written to run again from any state (it removes its own
 * INVALID leftover first), so {@link #migrate} retries them by itself: when the only problems validation finds are
 * such failures (no edited, missing or unknown migration), it removes their failed rows with Flyway's
 * {@code repair()} and migrates. Any other failed migration still needs a person.
 *
 * <p>Flyway's own exceptions ({@link org.flywaydb.core.api.FlywayException}) propagate unchanged.
 */
public final class InboopMigrations {

    /** Where the migrations and the settings file live in this jar. */
    public static final String LOCATION = "classpath:inboop/db/migration";

    /** inboop-db's Flyway history table (flyway.conf's {@code flyway.table}). */
    public static final String HISTORY_TABLE = "inboop_schema_history";

    private static final String SETTINGS = "com/inboop/db/migration/flyway.conf";
    /** flyway.conf's placeholder that tells beforeBaseline.sql which adoption this is. */
    private static final String ADOPTION_PLACEHOLDER = "inboop_adoption";
    private static final String TRANSACTIONAL_LOCK = "flyway.postgresql.transactional.lock";

    private InboopMigrations() {
    }

    /**
     * Migrates {@code dataSource} to the newest migration in this jar, first retrying failed migrations that are safe
     * to run again (see the class comment).
     */
    public static MigrateResult migrate(DataSource dataSource) {
        return migrate(dataSource, message -> { });
    }

    /**
     * {@link #migrate(DataSource)}, telling {@code say} what it does beyond applying pending migrations (an empty
     * history adopted, a failed migration run again), one sentence each, for a log or a console.
     */
    public static MigrateResult migrate(DataSource dataSource, Consumer<String> say) {
        return migrate(flyway(dataSource), say);
    }

    private static MigrateResult migrate(Flyway configured, Consumer<String> say) {
        Flyway flyway = configured;
        if (EmptyBackendHistory.isAllThereIs(configured.getConfiguration().getDataSource())) {
            // A first start's leftover: adopt it as the empty database it is (beforeBaseline.sql admits exactly
            // this), baselined at 0 so that V001 builds the schema.
            say.accept("the database holds nothing but an empty flyway_schema_history (a Flyway that found no "
                    + "migrations leaves one): building the schema from V001");
            Map<String, String> placeholders = new java.util.HashMap<>(configured.getConfiguration().getPlaceholders());
            placeholders.put(ADOPTION_PLACEHOLDER, "empty-history");
            flyway = Flyway.configure(InboopMigrations.class.getClassLoader())
                    .configuration(configured.getConfiguration())
                    .baselineVersion("0")
                    .placeholders(placeholders)
                    .load();
        }
        try {
            return flyway.migrate(); // validates first; a history without failures takes only this path
        } catch (FlywayValidateException refused) {
            ValidateResult validation = flyway.validateWithResult();
            List<ValidateOutput> failed = validation.invalidMigrations.stream()
                    .filter(problem -> problem.errorDetails.errorCode == CoreErrorCode.FAILED_VERSIONED_MIGRATION)
                    .toList();
            boolean onlyRetryable = !failed.isEmpty()
                    && failed.stream().allMatch(InboopMigrations::runsOutsideATransaction)
                    && validation.invalidMigrations.stream().allMatch(problem -> failed.contains(problem)
                    || problem.errorDetails.errorCode == CoreErrorCode.RESOLVED_VERSIONED_MIGRATION_NOT_APPLIED);
            if (!onlyRetryable) {
                throw refused;
            }
            flyway.repair();
            failed.forEach(problem -> say.accept("V" + problem.version + " (" + problem.description + ") failed "
                    + "earlier outside a transaction; it is built to run again, so it runs again now"));
            return flyway.migrate();
        }
    }

    /** True for a migration with a {@code .sql.conf} beside it: the ones that run outside a transaction. */
    private static boolean runsOutsideATransaction(ValidateOutput migration) {
        if (migration.filepath == null) {
            return false;
        }
        String script = java.nio.file.Path.of(migration.filepath).getFileName().toString();
        return InboopMigrations.class.getClassLoader()
                .getResource(LOCATION.substring("classpath:".length()) + "/" + script + ".conf") != null;
    }

    /**
     * Whether {@code dataSource}'s database holds exactly this jar's migrations: every one after the baseline applied
     * successfully, with this jar's checksum and description, and nothing else in the history, so that
     * {@link #migrate} would apply nothing and {@link #validate} would pass. One read of the history table, without
     * Flyway: what an application's start checks first. False for anything else, including a database without
     * inboop-db's history; {@link #info} and {@link #validate} then say what differs.
     */
    public static boolean isUpToDate(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return AppliedMigrations.read(connection).upToDate(JarMigrations.all());
        } catch (SQLException e) {
            throw new InboopDbException("inboop-db could not read " + HISTORY_TABLE + ": " + e.getMessage(), e);
        }
    }

    /**
     * The newest migration version applied to {@code connection}'s database (a baseline counts), as its history
     * table writes it; empty if it has no inboop-db history. Reads one table, without Flyway.
     */
    public static Optional<String> appliedVersion(Connection connection) throws SQLException {
        return AppliedMigrations.read(connection).newestVersion();
    }

    /** The newest migration version this jar ships ({@code 051} for {@code V051__...sql}). */
    public static String jarVersion() {
        return JarMigrations.newestVersion();
    }

    /** Applied and pending migrations of {@code dataSource}. */
    public static MigrationInfoService info(DataSource dataSource) {
        return flyway(dataSource).info();
    }

    /** Checks the applied migrations against this jar's (edited, missing or unknown ones are reported). */
    public static ValidateResult validate(DataSource dataSource) {
        return flyway(dataSource).validateWithResult();
    }

    /**
     * A Flyway instance with inboop-db's settings, for operations this class does not wrap. The connections it takes
     * from {@code dataSource} (an application's pool, say) go back without the migrations' session settings.
     */
    public static Flyway flyway(DataSource dataSource) {
        return configuration().dataSource(new SessionRestoringDataSource(dataSource)).load();
    }

    /** A Flyway instance with inboop-db's settings on a JDBC URL, for tools without a {@code DataSource}. */
    public static Flyway flyway(String url, String user, String password) {
        return configuration().dataSource(url, user, password).load();
    }

    private static FluentConfiguration configuration() {
        Properties settings = settings();
        // A plugin setting: how Flyway takes one depends on its version (TransactionalLock).
        String transactionalLock = (String) settings.remove(TRANSACTIONAL_LOCK);
        FluentConfiguration configuration = Flyway.configure(InboopMigrations.class.getClassLoader())
                .configuration(settings)
                .locations(LOCATION);
        if (transactionalLock != null) {
            TransactionalLock.set(configuration, Boolean.parseBoolean(transactionalLock.trim()));
        }
        if (!HISTORY_TABLE.equals(configuration.getTable())) {
            throw new InboopDbException(SETTINGS + " names the history table '" + configuration.getTable()
                    + "', but inboop-db's is '" + HISTORY_TABLE + "'. Use the published inboop-db jar as it is.");
        }
        return configuration;
    }

    private static Properties settings() {
        Properties settings = new Properties();
        try (InputStream in = InboopMigrations.class.getClassLoader().getResourceAsStream(SETTINGS)) {
            if (in == null) {
                throw new InboopDbException("inboop-db's " + SETTINGS + " is missing from the classpath; the jar is "
                        + "damaged or repackaged without its resources. Use the published inboop-db jar as it is.");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                settings.load(reader);
            }
        } catch (IOException e) {
            throw new InboopDbException("Cannot read " + SETTINGS + " from the inboop-db jar", e);
        }
        return settings;
    }
}

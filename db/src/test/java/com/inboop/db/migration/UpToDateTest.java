package com.inboop.db.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.codegen.postgres.ThrowawayDatabase;
import com.inboop.db.replica.ProductionReplica;
import com.inboop.db.replica.ProductionReplica.State;

/**
 * The start-up question answered from the history table alone: "up to date" exactly where Flyway would apply nothing
 * and validate would pass, and this jar's migrations, checksums included, exactly as Flyway resolves them.
 */
@ExtendWith(MigratedDatabaseExtension.class)
class UpToDateTest {

    private final TestDatabase server;

    UpToDateTest(TestDatabase server) {
        this.server = server;
    }

    @Test
    void theJarsMigrationsAreFlywaysOwnVersionDescriptionAndChecksum() {
        List<String> flyways = Arrays.stream(InboopMigrations.info(server.dataSource()).all())
                .filter(info -> info.getVersion() != null && info.getState().isResolved())
                .map(info -> info.getVersion().getVersion() + " " + info.getDescription() + " " + info.getChecksum())
                .toList();

        assertThat(JarMigrations.all()).extracting(m -> m.version() + " " + m.description() + " " + m.checksum())
                .containsExactlyElementsOf(flyways);
        assertThat(InboopMigrations.jarVersion()).isEqualTo(flyways.get(flyways.size() - 1).split(" ")[0]);
    }

    @Test
    void anEmptyDatabaseIsNotUpToDateAndAMigratedOneIs() {
        try (ThrowawayDatabase database = server.newEmptyDatabase()) {
            DataSource dataSource = database.target().dataSource();
            assertAgreesWithFlyway(dataSource, false);

            InboopMigrations.migrate(dataSource);

            assertAgreesWithFlyway(dataSource, true);
        }
    }

    @Test
    void aDatabaseWithPendingMigrationsIsNot() {
        try (ThrowawayDatabase database = server.newEmptyDatabase()) {
            DataSource dataSource = database.target().dataSource();
            ProductionReplica.migrateUpTo(dataSource, "40");

            assertAgreesWithFlyway(dataSource, false);
        }
    }

    @Test
    void anAdoptedProductionBaselinedAtOneIs() {
        try (ThrowawayDatabase database = server.newEmptyDatabase()) {
            DataSource dataSource = database.target().dataSource();
            ProductionReplica.build(dataSource, State.HISTORY_ONLY);
            InboopMigrations.migrate(dataSource);

            assertAgreesWithFlyway(dataSource, true);
        }
    }

    @Test
    void anEditedFailedOrUnknownMigrationInTheHistoryIsNot() {
        try (ThrowawayDatabase database = server.newEmptyDatabase()) {
            DataSource dataSource = database.target().dataSource();
            InboopMigrations.migrate(dataSource);

            ProductionReplica.executeSql(dataSource, "UPDATE inboop_schema_history SET checksum = checksum + 1 "
                    + "WHERE version = '020'");
            assertAgreesWithFlyway(dataSource, false);
            ProductionReplica.executeSql(dataSource, "UPDATE inboop_schema_history SET checksum = checksum - 1, "
                    + "success = false WHERE version = '020'");
            assertAgreesWithFlyway(dataSource, false);
            ProductionReplica.executeSql(dataSource, "UPDATE inboop_schema_history SET success = true "
                    + "WHERE version = '020'");
            assertAgreesWithFlyway(dataSource, true);
            ProductionReplica.executeSql(dataSource, """
                    INSERT INTO inboop_schema_history (installed_rank, version, description, type, script, checksum,
                                                       installed_by, execution_time, success)
                    SELECT max(installed_rank) + 1, '900', 'from a newer jar', 'SQL', 'V900__from_a_newer_jar.sql', 1,
                           current_user, 1, true FROM inboop_schema_history""");
            assertThat(InboopMigrations.isUpToDate(dataSource)).as("a newer jar's migration: Flyway decides").isFalse();
        }
    }

    /** isUpToDate says {@code expected}, and Flyway agrees: nothing pending, nothing failed, validation passes. */
    private static void assertAgreesWithFlyway(DataSource dataSource, boolean expected) {
        MigrationInfo[] pending = InboopMigrations.info(dataSource).pending();
        boolean flyway = pending.length == 0 && InboopMigrations.validate(dataSource).validationSuccessful;
        assertThat(flyway).as("Flyway's view").isEqualTo(expected);
        assertThat(InboopMigrations.isUpToDate(dataSource)).as("isUpToDate").isEqualTo(expected);
    }
}

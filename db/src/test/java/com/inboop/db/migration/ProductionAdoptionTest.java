package com.inboop.db.migration;

import static com.inboop.db.schema.Tables.BUSINESSES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.inboop.codegen.catalog.CatalogSnapshot;
import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.codegen.postgres.ThrowawayDatabase;
import com.inboop.db.replica.ProductionReplica;
import com.inboop.db.replica.ProductionReplica.State;

/**
 * inboop-db takes over Inboop's real databases: an empty one, a production replica with only the backend's history
 * (A) and one with Hibernate's drift (B) end with the same catalog; adoption never touches the backend's history
 * or a pre-existing row; the backend's own Flyway still validates and migrates; anything that is not Inboop's
 * database at the backend's V13 is refused before anything is written.
 */
@ExtendWith(MigratedDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductionAdoptionTest {

    private TestDatabase server;
    private CatalogSnapshot fromEmpty;

    @BeforeAll
    void migrateAnEmptyDatabase(TestDatabase database) throws SQLException {
        server = database;
        try (ThrowawayDatabase empty = database.newEmptyDatabase()) {
            fromEmpty = migrateTwiceAndSnapshot(empty.target().dataSource());
        }
    }

    @Test
    void anEmptyDatabaseGetsTheBackendsSchemaAndTheDesign() {
        assertThat(fromEmpty.tables()).containsKeys("users", "workspaces", "businesses", "workspace_members",
                "workspace_plans", "contacts", "conversations", "messages", "leads", "lead_labels", "orders",
                "order_items", "order_timeline", "data_deletion_requests", "webhook_logs");
        assertThat(fromEmpty.enums()).containsOnlyKeys("lead_status", "order_status", "payment_status",
                "intent_label");
    }

    @ParameterizedTest
    @EnumSource(State.class)
    void aProductionReplicaIsAdoptedAndEndsIdenticalToAnEmptyDatabase(State state) throws Exception {
        try (ThrowawayDatabase replica = server.newEmptyDatabase()) {
            DataSource dataSource = replica.target().dataSource();
            ProductionReplica.build(dataSource, state);
            String backendHistory = ProductionReplica.backendHistory(dataSource);
            Map<String, List<String>> columnsBefore = ProductionReplica.columns(dataSource);
            // The one pre-existing column a migration writes: V040 places production's businesses (NULL everywhere,
            // as the backend leaves it) in their owners' workspaces. Asserted on its own below.
            columnsBefore.get("businesses").remove("\"workspace_id\"");
            Map<String, String> rowsBefore = ProductionReplica.rowDigests(dataSource, columnsBefore);

            CatalogSnapshot adopted = migrateTwiceAndSnapshot(dataSource);

            assertThat(adopted.differencesTo(fromEmpty)).as("catalog against an empty database's").isEmpty();
            assertThat(ProductionReplica.backendHistory(dataSource)).as("the backend's history").isEqualTo(backendHistory);
            assertThat(ProductionReplica.rowDigests(dataSource, columnsBefore)).as("pre-existing rows and columns")
                    .isEqualTo(rowsBefore);
            assertThat(DSL.using(dataSource, SQLDialect.POSTGRES).select(BUSINESSES.ID, BUSINESSES.WORKSPACE_ID)
                    .from(BUSINESSES).orderBy(BUSINESSES.ID).fetch(r -> r.value1() + ":" + r.value2()))
                    .as("each business in the one workspace its owner owns; Dev owns two and Neha none: unplaced")
                    .containsExactly("1:1", "2:1", "3:2", "4:null", "5:null");
            MigrationInfo baseline = InboopMigrations.info(dataSource).applied()[0];
            assertThat(baseline.getType().name() + " " + baseline.getVersion()).isEqualTo("BASELINE 1");
            // The backend's own Flyway, still deployed during the switch-over, sees nothing to do and nothing wrong.
            Flyway backend = ProductionReplica.backendFlyway(dataSource, "latest");
            assertThat(backend.validateWithResult().validationSuccessful).as("backend validate").isTrue();
            assertThat(backend.migrate().migrationsExecuted).as("backend migrate").isZero();
        }
    }

    @Test
    void theBackendAtV10IsRefusedAndNothingIsWritten() {
        try (ThrowawayDatabase v10 = server.newEmptyDatabase()) {
            DataSource dataSource = v10.target().dataSource();
            ProductionReplica.backendFlyway(dataSource, "10").migrate();

            assertRefusedUntouched(dataSource, "the backend's flyway_schema_history is not at version 13",
                    "found: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10.");
        }
    }

    @Test
    void anUnrelatedSchemaIsRefusedAndNothingIsWritten() {
        try (ThrowawayDatabase unrelated = server.newEmptyDatabase()) {
            DataSource dataSource = unrelated.target().dataSource();
            ProductionReplica.executeSql(dataSource, "CREATE TABLE widgets (id bigint PRIMARY KEY, name text)");

            assertRefusedUntouched(dataSource, "it is not empty, and it has no flyway_schema_history",
                    "If this is a development database whose tables Hibernate (ddl-auto) or a script made, start from an "
                            + "empty one");
        }
    }

    @Test
    void anEmptyFlywayHistoryAloneIsAnEmptyDatabaseForInboopDbAndRefusedByAToolThatWouldSkipV001(@TempDir Path none) {
        try (ThrowawayDatabase firstStart = server.newEmptyDatabase()) {
            DataSource dataSource = firstStart.target().dataSource();
            // What Spring Boot's Flyway leaves on an application's first start when it finds no migrations.
            Flyway.configure().dataSource(dataSource).locations("filesystem:" + none).load().migrate();
            assertThat(tableExists(dataSource, "flyway_schema_history")).isTrue();

            // Flyway configured from flyway.conf alone (the command line, the Maven plugin) would baseline at 1.
            assertThatThrownBy(() -> InboopMigrations.flyway(dataSource).migrate())
                    .hasMessageContaining("inboop-db refuses to adopt this database with this tool: it holds nothing "
                            + "but an empty flyway_schema_history")
                    .hasMessageContaining("Migrate it with inboop-db itself");
            assertThat(tableExists(dataSource, InboopMigrations.HISTORY_TABLE)).isFalse();
            assertThat(InboopMigrations.migrate(dataSource).success).isTrue();
            assertThat(snapshot(dataSource).structure()).as("built from V001 as an empty database is")
                    .isEqualTo(fromEmpty.structure());
        }
    }

    @Test
    void aV13HistoryOverADamagedSchemaIsRefusedNamingWhatIsMissing() {
        try (ThrowawayDatabase damaged = server.newEmptyDatabase()) {
            DataSource dataSource = damaged.target().dataSource();
            ProductionReplica.build(dataSource, State.HISTORY_ONLY);
            ProductionReplica.executeSql(dataSource, "ALTER TABLE leads DROP COLUMN notes; DROP TABLE lead_labels");

            assertRefusedUntouched(dataSource, "it lacks tables or columns of the backend's V13 schema",
                    "missing: lead_labels.label, lead_labels.lead_id, leads.notes.");
        }
    }

    @Test
    void anIndexLeftInvalidByAnInterruptedBuildIsRebuilt() throws Exception {
        try (ThrowawayDatabase replica = server.newEmptyDatabase()) {
            DataSource dataSource = replica.target().dataSource();
            ProductionReplica.build(dataSource, State.HISTORY_ONLY);
            // What a killed CREATE INDEX CONCURRENTLY leaves: an INVALID index under the migration's name.
            assertThatThrownBy(() -> ProductionReplica.executeSql(dataSource,
                    "CREATE UNIQUE INDEX CONCURRENTLY idx_conversations_inbox ON conversations (business_id)"))
                    .hasMessageContaining("could not create unique index");

            assertThat(migrateTwiceAndSnapshot(dataSource).differencesTo(fromEmpty)).isEmpty();
        }
    }

    private static void assertRefusedUntouched(DataSource dataSource, String... messageParts) {
        CatalogSnapshot before = snapshot(dataSource);
        String historyBefore = ProductionReplica.backendHistory(dataSource);

        assertThatThrownBy(() -> InboopMigrations.migrate(dataSource)).isInstanceOf(FlywayException.class)
                .hasMessageContainingAll(messageParts)
                .hasMessageContaining("inboop-db refuses to adopt this database");

        assertThat(snapshot(dataSource).structure()).isEqualTo(before.structure());
        assertThat(ProductionReplica.backendHistory(dataSource)).isEqualTo(historyBefore);
        assertThat(tableExists(dataSource, InboopMigrations.HISTORY_TABLE)).as("inboop-db's history table").isFalse();
    }

    /** Migrates, checks that a second migrate is a no-op and validate passes, and returns the catalog. */
    private static CatalogSnapshot migrateTwiceAndSnapshot(DataSource dataSource) {
        assertThat(InboopMigrations.migrate(dataSource).success).isTrue();
        CatalogSnapshot after = snapshot(dataSource);
        assertThat(InboopMigrations.migrate(dataSource).migrationsExecuted).as("second migrate").isZero();
        assertThat(InboopMigrations.validate(dataSource).validationSuccessful).as("validate").isTrue();
        assertThat(snapshot(dataSource).structure()).isEqualTo(after.structure());
        return after;
    }

    private static CatalogSnapshot snapshot(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return CatalogSnapshot.read(connection, "public");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean tableExists(DataSource dataSource, String table) {
        try (Connection connection = dataSource.getConnection();
             var statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            statement.setString(1, "public." + table);
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.inboop.codegen.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.inboop.codegen.Fixtures;
import com.inboop.codegen.catalog.CatalogSnapshot;
import com.inboop.codegen.guard.GuardRun;
import com.inboop.codegen.guard.MigrationGuard;
import com.inboop.codegen.guard.GuardReport;
import com.inboop.codegen.guard.lock.LockCheck;
import com.inboop.codegen.migrate.MigrationFiles;
import com.inboop.codegen.migrate.MigrationRunner;
import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.postgres.EphemeralPostgres;
import com.inboop.codegen.postgres.JdbcTarget;
import com.inboop.codegen.postgres.ThrowawayDatabase;

/** align on the migrations, on legacy and drifted databases (round trip), on conflicts, with a read-only role. */
@ExtendWith(MigratedDatabaseExtension.class)
class AlignTest {

    private static EphemeralPostgres server;
    private static CatalogSnapshot design;

    @TempDir
    Path work;

    @BeforeAll
    static void readTheDesign(EphemeralPostgres shared) {
        server = shared;
        design = SchemaSources.design(designFile(), server);
    }

    private static Path designFile() {
        return Fixtures.projectMigrations().resolveSibling("design").resolve("target-schema.sql");
    }

    private static MigrationRunner runner() {
        return MigrationRunner.withSettings(Fixtures.flywayConf());
    }

    private static void execute(JdbcTarget target, String sql) throws SQLException {
        try (Connection connection = target.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** A production database: V001's schema (the backend's V13) with the backend's own Flyway history. */
    private static void production(JdbcTarget target) throws IOException, SQLException {
        execute(target, Files.readString(Fixtures.projectMigrations().resolve("V001__initial_schema.sql")));
        try (var in = AlignTest.class.getResourceAsStream("/fixtures/backend-history-v13.sql")) {
            execute(target, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void theMigrationsHaveEverythingTheDesignAsksFor() {
        SchemaSources.Source migrations = SchemaSources.migrations(Fixtures.projectMigrations(), runner(), server);

        AlignmentReport report = Alignment.between(migrations.catalog(), design);

        assertThat(report.missing()).isEmpty();
        assertThat(report.needsApproval()).isEmpty();
        assertThat(report.proposals()).isEmpty();
        assertThat(migrations.nextVersion()).isEqualTo(MigrationFiles.in(Fixtures.projectMigrations()).scripts().size() + 1);
    }

    @Test
    void aProductionDatabaseRoundTripsToAligned() throws Exception {
        try (ThrowawayDatabase legacy = ThrowawayDatabase.create(server, "inboop_legacy")) {
            production(legacy.target());

            roundTrip(legacy, List.of());
        }
    }

    @Test
    void aDriftedDatabaseRoundTripsWithoutProposingWhatItHas() throws Exception {
        try (ThrowawayDatabase drifted = ThrowawayDatabase.create(server, "inboop_drifted")) {
            production(drifted.target());
            // What Hibernate, or someone by hand, may have added before these migrations existed.
            execute(drifted.target(), """
                    ALTER TABLE leads ADD COLUMN converted_at timestamp(6);
                    ALTER TABLE businesses ADD COLUMN facebook_page_id varchar(255);
                    CREATE INDEX idx_orders_list ON orders (business_id, (coalesce(created_at, order_date)) DESC, id DESC)
                        WHERE deleted_at IS NULL;
                    CREATE TYPE payment_status AS ENUM ('UNPAID', 'PAID');
                    """);

            List<String> proposals = roundTrip(drifted, List.of("add_converted_at_to_leads",
                    "add_facebook_page_id_to_businesses", "create_index_idx_orders_list", "create_payment_status_enum"));

            assertThat(proposals).contains("add_values_to_payment_status_enum");
        }
    }

    @Test
    void conflictsAreReportedAndNeverProposed() throws Exception {
        try (ThrowawayDatabase conflicting = ThrowawayDatabase.create(server, "inboop_conflict")) {
            production(conflicting.target());
            execute(conflicting.target(), """
                    ALTER TABLE conversations ALTER COLUMN intent_confidence TYPE double precision;
                    CREATE TYPE intent_label AS ENUM ('BUYING', 'SUPPORT', 'BROWSING', 'SPAM', 'OTHER', 'WHOLESALE');
                    """);

            AlignmentReport report = Alignment.between(SchemaSources.live(conflicting.target()).catalog(), design);

            assertThat(report.needsApproval()).anySatisfy(line -> assertThat(line)
                    .startsWith("column conversations.intent_confidence is double precision, the design says "
                            + "numeric(5,4)"));
            assertThat(report.needsApproval()).anySatisfy(line -> assertThat(line)
                    .startsWith("enum intent_label is [BUYING").contains("WHOLESALE"));
            assertThat(report.proposals()).noneMatch(p -> p.sql().contains("intent_confidence"))
                    .noneMatch(p -> p.sql().contains("TYPE intent_label") || p.sql().contains("TYPE public.intent_label"));
            assertThat(report.aligned()).isFalse();
        }
    }

    @Test
    void readsALiveDatabaseWithARoleThatCanOnlyConnectAndNeverWritesToIt() throws Exception {
        try (ThrowawayDatabase legacy = ThrowawayDatabase.create(server, "inboop_readonly")) {
            production(legacy.target());
            execute(legacy.target(), "DO $$ BEGIN CREATE ROLE catalog_reader LOGIN; "
                    + "EXCEPTION WHEN duplicate_object THEN NULL; END $$");
            JdbcTarget reader = new JdbcTarget(legacy.target().url(), "catalog_reader", "");

            SchemaSources.Source source = SchemaSources.live(reader);

            assertThat(source.catalog().tables()).containsKey("conversations");
            assertThat(source.nextVersion()).isEqualTo(2);
            try (Connection connection = SchemaSources.readOnly(legacy.target());
                 Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.execute("CREATE TABLE written_by_align (id int)"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("read-only transaction");
            }
        }
    }

    /**
     * align → the proposals, applied to the database after its adoption at V001, pass both guard layers → align
     * reports nothing missing.
     *
     * @return the proposals' descriptions
     */
    private List<String> roundTrip(ThrowawayDatabase database, List<String> notProposed) throws IOException {
        SchemaSources.Source source = SchemaSources.live(database.target());
        AlignmentReport report = Alignment.between(source.catalog(), design);
        // Hibernate's two unique keys and its CHECK: the migrations add them with approvals (V004, V007, V008), and
        // align never proposes what takes a write-blocking lock on an existing table; and workspace_members' unique
        // key under Hibernate's name, which the backend's V7 created under Postgres' (V051 renames it, approved).
        assertThat(report.needsApproval()).as(report.render()).hasSize(4).allSatisfy(line -> assertThat(line)
                .contains("cannot be added to an existing table without a write-blocking lock"));
        List<String> descriptions = report.proposals().stream().map(ProposedMigration::description).toList();
        notProposed.forEach(description -> assertThat(descriptions).doesNotContain(description));

        Path migrations = Files.createDirectories(work.resolve("migrations"));
        Files.copy(Fixtures.projectMigrations().resolve("V001__initial_schema.sql"),
                migrations.resolve("V001__initial_schema.sql"));
        for (String callback : List.of("beforeEachMigrate.sql", "beforeBaseline.sql")) {
            Files.copy(Fixtures.projectMigrations().resolve(callback), migrations.resolve(callback));
        }
        ProposalWriter.write(report.proposals(), source.nextVersion(), migrations);
        // Both guard layers, the semantic one on the very database the proposals were made for.
        GuardRun guard = new MigrationGuard(migrations, LockCheck.Mode.RECORD).checkStatic();
        runner().migrate(database.target(), MigrationFiles.in(migrations), guard.semanticPass());
        GuardReport verdict = guard.report();
        assertThat(verdict.violations()).as(verdict.render(false)).isEmpty();
        assertThat(verdict.effects()).hasSize(descriptions.size());

        AlignmentReport after = Alignment.between(SchemaSources.live(database.target()).catalog(), design);
        // Missing afterwards: exactly the four constraints that need approval, nothing else.
        assertThat(after.missing()).as(after.render()).hasSize(4).allMatch(item -> item.startsWith("constraint "));
        assertThat(after.needsApproval()).as(after.render()).isEqualTo(report.needsApproval());
        return descriptions;
    }
}

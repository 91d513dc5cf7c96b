package com.inboop.db.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.codegen.postgres.ThrowawayDatabase;
import com.inboop.db.migration.InboopMigrations;

/** Old database with new jar, new database with old jar, and the Flyway versions of both. */
@ExtendWith(MigratedDatabaseExtension.class)
class SchemaCompatibilityTest {

    private final TestDatabase server;

    SchemaCompatibilityTest(TestDatabase server) {
        this.server = server;
    }


    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static DSLContext dsl(DataSource dataSource) {
        return DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    @Test
    void theDatabaseThisJarMigratedIsCompatible() {
        CompatibilityReport report = new SchemaCompatibility(DSL.using(server.dataSource(), SQLDialect.POSTGRES))
                .requireCompatible();

        assertThat(report.compatible()).isTrue();
        assertThat(report.databaseVersion()).contains(report.jarVersion());
        assertThat(report.describe()).endsWith(": compatible");
    }

    @Test
    void anOldDatabaseNamesTheMissingColumnAndEnumValue() throws SQLException {
        try (ThrowawayDatabase old = server.newEmptyDatabase()) {
            DataSource dataSource = old.target().dataSource();
            // A legacy database whose payment_status was made by hand, one value short; it then stops at V022.
            execute(dataSource, new String(readV001()));
            execute(dataSource, "CREATE TYPE payment_status AS ENUM ('UNPAID', 'PENDING', 'PARTIALLY_PAID', 'PAID', "
                    + "'FAILED', 'REFUNDED')");
            Flyway.configure(getClass().getClassLoader())
                    .configuration(InboopMigrations.flyway(dataSource).getConfiguration())
                    .target("22")
                    .load()
                    .migrate();

            CompatibilityReport report = new SchemaCompatibility(dsl(dataSource)).check();

            assertThat(report.compatible()).isFalse();
            assertThat(report.missing()).contains("column orders.external_order_id", "column orders.deleted_at",
                    "enum value payment_status.PARTIALLY_REFUNDED");
            assertThat(report.missing()).doesNotContain("column orders.payment_status", "table contacts");
            assertThat(report.databaseVersion()).contains("022");
            assertThatThrownBy(() -> new SchemaCompatibility(dsl(dataSource)).requireCompatible())
                    .isInstanceOf(IncompatibleSchemaException.class)
                    .hasMessageContaining("database schema at V022, inboop-db jar expects V" + report.jarVersion())
                    .hasMessageContaining("\n  missing: column orders.external_order_id")
                    .hasMessageContaining("\n  missing: enum value payment_status.PARTIALLY_REFUNDED")
                    .hasMessageContaining("Apply the jar's migrations first");
        }
    }

    @Test
    void aColumnOfAnotherTypeIsReported() throws SQLException {
        try (ThrowawayDatabase drifted = server.newEmptyDatabase()) {
            DataSource dataSource = drifted.target().dataSource();
            execute(dataSource, new String(readV001()));
            execute(dataSource, "ALTER TABLE conversations ADD COLUMN intent_confidence double precision");
            InboopMigrations.migrate(dataSource);

            CompatibilityReport report = new SchemaCompatibility(dsl(dataSource)).check();

            assertThat(report.mismatched()).singleElement().asString()
                    .isEqualTo("column conversations.intent_confidence is float, expected numeric");
            assertThat(report.missing()).isEmpty();
        }
    }

    @Test
    void aNewerDatabaseWithExtraColumnsValuesAndMigrationsIsCompatible(@TempDir Path newer) throws Exception {
        try (ThrowawayDatabase ahead = server.newEmptyDatabase()) {
            DataSource dataSource = ahead.target().dataSource();
            InboopMigrations.migrate(dataSource);
            // What the next jar's migration might add; this jar does not know it.
            Files.writeString(newer.resolve("V900__add_notes_and_a_label.sql"), """
                    ALTER TABLE conversations ADD COLUMN notes text;
                    ALTER TYPE intent_label ADD VALUE 'WHOLESALE_INQUIRY';
                    """);
            Flyway.configure(getClass().getClassLoader())
                    .configuration(InboopMigrations.flyway(dataSource).getConfiguration())
                    .locations(InboopMigrations.LOCATION, "filesystem:" + newer)
                    .load()
                    .migrate();

            CompatibilityReport report = new SchemaCompatibility(dsl(dataSource)).requireCompatible();

            assertThat(report.databaseVersion()).contains("900");
            assertThat(report.jarVersion()).isNotEqualTo("900");
            assertThat(report.describe()).startsWith("database schema at V900, inboop-db jar expects V"
                    + report.jarVersion() + ": compatible");
        }
    }

    private static byte[] readV001() {
        try (var in = SchemaCompatibilityTest.class.getClassLoader()
                .getResourceAsStream("db/migration/V001__initial_schema.sql")) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

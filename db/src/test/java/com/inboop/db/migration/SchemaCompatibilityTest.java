package com.inboop.db.migration;

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
import com.inboop.db.replica.ProductionReplica;

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
            // payment_status made by hand before V011, one value short (V011 leaves an existing type alone); the
            // database then stops at V014.
            ProductionReplica.migrateUpTo(dataSource, "10");
            execute(dataSource, "CREATE TYPE payment_status AS ENUM ('UNPAID', 'PAID')");
            ProductionReplica.migrateUpTo(dataSource, "14");

            CompatibilityReport report = new SchemaCompatibility(dsl(dataSource)).check();

            assertThat(report.compatible()).isFalse();
            assertThat(report.missing()).contains("column orders.payment_status_enum",
                    "column conversations.intent_label_enum", "enum value payment_status.REFUNDED");
            assertThat(report.missing()).doesNotContain("column orders.status_enum", "table orders");
            assertThat(report.databaseVersion()).contains("014");
            assertThatThrownBy(() -> new SchemaCompatibility(dsl(dataSource)).requireCompatible())
                    .isInstanceOf(IncompatibleSchemaException.class)
                    .hasMessageContaining("database schema at V014, inboop-db jar expects V" + report.jarVersion())
                    .hasMessageContaining("\n  missing: column orders.payment_status_enum")
                    .hasMessageContaining("\n  missing: enum value payment_status.REFUNDED")
                    .hasMessageContaining("Apply the jar's migrations first");
        }
    }

    @Test
    void aColumnOfAnotherTypeIsReported() throws SQLException {
        try (ThrowawayDatabase drifted = server.newEmptyDatabase()) {
            DataSource dataSource = drifted.target().dataSource();
            InboopMigrations.migrate(dataSource);
            execute(dataSource, "ALTER TABLE conversations ALTER COLUMN intent_confidence TYPE double precision");

            CompatibilityReport report = new SchemaCompatibility(dsl(dataSource)).check();

            assertThat(report.mismatched()).singleElement().asString()
                    .isEqualTo("column conversations.intent_confidence is float, expected numeric");
            assertThat(report.missing()).isEmpty();
        }
    }

    @Test
    void whatHibernatesUpdateDoesToCharacterColumnsIsAccepted() throws SQLException {
        try (ThrowawayDatabase updated = server.newEmptyDatabase()) {
            DataSource dataSource = updated.target().dataSource();
            InboopMigrations.migrate(dataSource);
            // The statements ddl-auto=update issues for plain String and enum fields: text narrowed, varchar(50)
            // widened, both to varchar(255), on columns inboop-db's classes read, write and index.
            execute(dataSource, """
                    ALTER TABLE conversations ALTER COLUMN last_message SET DATA TYPE varchar(255);
                    ALTER TABLE leads ALTER COLUMN notes SET DATA TYPE varchar(255);
                    ALTER TABLE leads ALTER COLUMN status SET DATA TYPE varchar(255);
                    ALTER TABLE orders ALTER COLUMN payment_status SET DATA TYPE varchar(255);
                    ALTER TABLE conversations ALTER COLUMN intent_label SET DATA TYPE varchar(255);
                    """);

            CompatibilityReport report = new SchemaCompatibility(dsl(dataSource)).requireCompatible();

            assertThat(report.mismatched()).isEmpty();
            execute(dataSource, "ALTER TABLE conversations ALTER COLUMN unread_count SET DATA TYPE bigint");
            assertThat(new SchemaCompatibility(dsl(dataSource)).check().mismatched()).as("another Java type")
                    .containsExactly("column conversations.unread_count is bigint, expected integer");
        }
    }

    @Test
    void anIndexLeftInvalidByAnInterruptedBuildIsReported() throws SQLException {
        try (ThrowawayDatabase interrupted = server.newEmptyDatabase()) {
            DataSource dataSource = interrupted.target().dataSource();
            InboopMigrations.migrate(dataSource);
            execute(dataSource, "INSERT INTO users (name, email, password) VALUES ('a', 'a@x', 'x'), ('b', 'b@x', 'x')");
            // A concurrent build that failed: Postgres keeps the index, INVALID, and never reads it.
            assertThatThrownBy(() -> execute(dataSource,
                    "CREATE UNIQUE INDEX CONCURRENTLY users_name_key ON users (password)"))
                    .hasMessageContaining("could not create unique index");

            CompatibilityReport report = new SchemaCompatibility(dsl(dataSource)).check();

            assertThat(report.compatible()).isFalse();
            assertThat(report.invalidIndexes()).containsExactly("users_name_key");
            assertThat(report.describe()).contains("\n  invalid index: users_name_key")
                    .contains("interrupted CREATE INDEX CONCURRENTLY");
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
}

package com.inboop.db.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import com.inboop.codegen.catalog.CatalogSnapshot;
import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.codegen.postgres.ThrowawayDatabase;
import com.inboop.db.migration.InboopMigrations;

/**
 * The shipped migrations bring an empty database, a legacy one (V001 without Flyway history, as production has it)
 * and a drifted legacy one (target items added by hand) to the same schema, and a second run changes nothing.
 */
@ExtendWith(MigratedDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaAlignmentTest {

    private TestDatabase server;
    private CatalogSnapshot fromEmpty;

    @BeforeAll
    void migrateAnEmptyDatabase(TestDatabase database) throws SQLException {
        server = database;
        try (ThrowawayDatabase empty = database.newEmptyDatabase()) {
            fromEmpty = migrateTwiceAndSnapshot(empty);
        }
    }

    @Test
    void emptyDatabaseGetsTheWholeSchema() {
        assertThat(fromEmpty.tables()).containsKeys("workspaces", "users", "conversations", "messages", "leads",
                "orders", "contacts", "contact_handles");
    }

    @Test
    void legacyDatabaseIsBaselinedAndEndsIdenticalToAnEmptyOne() throws Exception {
        try (ThrowawayDatabase legacy = server.newEmptyDatabase()) {
            execute(legacy, v001());

            assertThat(migrateTwiceAndSnapshot(legacy).differencesTo(fromEmpty)).isEmpty();
        }
    }

    @Test
    void driftedLegacyDatabaseEndsIdenticalToAnEmptyOne() throws Exception {
        try (ThrowawayDatabase drifted = server.newEmptyDatabase()) {
            execute(drifted, v001());
            // What someone may have done by hand before these migrations existed.
            execute(drifted, """
                    ALTER TABLE conversations ADD COLUMN archived_at timestamptz;
                    ALTER TABLE conversations ADD COLUMN intent_confidence numeric(4, 3);
                    ALTER TABLE messages ADD COLUMN metadata jsonb;
                    CREATE INDEX messages_conversation_id_created_at_idx ON messages (conversation_id, created_at, id);
                    CREATE TYPE payment_status AS ENUM ('UNPAID', 'PENDING', 'PARTIALLY_PAID', 'PAID', 'FAILED',
                                                        'REFUNDED', 'PARTIALLY_REFUNDED');
                    """);

            assertThat(migrateTwiceAndSnapshot(drifted).differencesTo(fromEmpty)).isEmpty();
        }
    }

    /** Migrates, checks that a second migrate is a no-op and validate passes, and returns the catalog. */
    private static CatalogSnapshot migrateTwiceAndSnapshot(ThrowawayDatabase database) throws SQLException {
        DataSource dataSource = database.target().dataSource();
        assertThat(InboopMigrations.migrate(dataSource).success).isTrue();
        CatalogSnapshot after;
        try (Connection connection = dataSource.getConnection()) {
            after = CatalogSnapshot.read(connection, "public");
        }

        assertThat(InboopMigrations.migrate(dataSource).migrationsExecuted).as("second migrate").isZero();
        assertThat(InboopMigrations.validate(dataSource).validationSuccessful).as("validate").isTrue();
        try (Connection connection = dataSource.getConnection()) {
            assertThat(CatalogSnapshot.read(connection, "public").structure()).isEqualTo(after.structure());
        }
        return after;
    }


    private static void execute(ThrowawayDatabase database, String sql) throws SQLException {
        try (Connection connection = database.target().connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The legacy schema exactly as the jar ships it. */
    static String v001() throws IOException {
        try (InputStream in = SchemaAlignmentTest.class.getClassLoader()
                .getResourceAsStream("db/migration/V001__initial_schema.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

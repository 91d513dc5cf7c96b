package com.inboop.codegen.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.inboop.codegen.Fixtures;
import com.inboop.codegen.SchemaCodegen;
import com.inboop.codegen.guard.lock.LockCheck;

/** The server provider against a second, independent Postgres that this test starts itself. */
class ServerPostgresTest {

    @TempDir
    static Path serverDirectory;

    private static EmbeddedPostgres server;

    @BeforeAll
    static void startIndependentServer() {
        server = EmbeddedPostgres.start(PostgresProcesses.embeddedIn(serverDirectory));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static PostgresSettings serverSettings(String url, String user) {
        return new PostgresSettings(PostgresProvider.SERVER, Optional.ofNullable(url), user, "", "unused",
                Path.of("unused"));
    }

    @Test
    void codegenWorksInAThrowawayDatabaseAndLeavesTheNamedDatabaseUntouched(@TempDir Path output) throws Exception {
        String url = server.maintenance().url();
        List<String> databasesBefore = EmbeddedPostgresTest.databases(server);
        List<String> objectsBefore = userObjects(server.maintenance());

        Path migrations = java.nio.file.Files.createDirectories(output.resolve("migrations"));
        java.nio.file.Files.copy(Fixtures.fixture("migrations/good/V001__create_widgets.sql"),
                migrations.resolve("V001__create_widgets.sql"));
        SchemaCodegen.Outcome outcome = new SchemaCodegen(migrations, Fixtures.flywayConf(),
                Fixtures.fixture("jooq-codegen.xml"), output.resolve("jooq"))
                .run(false, serverSettings(url, "postgres"), LockCheck.Mode.RECORD);

        assertThat(outcome).isInstanceOfSatisfying(SchemaCodegen.Generated.class, generated -> {
            assertThat(generated.postgres()).startsWith("server PostgreSQL 17");
            assertThat(generated.tables()).isEqualTo(1);
        });
        assertThat(output.resolve("jooq/com/inboop/codegen/fixture/schema/tables/Widgets.java")).isRegularFile();
        assertThat(EmbeddedPostgresTest.databases(server)).isEqualTo(databasesBefore);
        assertThat(userObjects(server.maintenance())).isEqualTo(objectsBefore).isEmpty();
    }

    @Test
    void rejectsRoleThatCannotCreateDatabasesSayingHowToGrantIt() throws SQLException {
        try (Connection connection = server.maintenance().connect();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE reader LOGIN");
        }

        assertThatThrownBy(() -> ServerPostgres.connect(serverSettings(server.maintenance().url(), "reader")))
                .isInstanceOf(PostgresUnavailableException.class)
                .hasMessageContaining("'reader'")
                .hasMessageContaining("ALTER ROLE reader CREATEDB");
    }

    @Test
    void reportsUnreachableServerWithTheSettingsToCheck() {
        assertThatThrownBy(() -> ServerPostgres.connect(serverSettings("jdbc:postgresql://127.0.0.1:1/postgres",
                "postgres")))
                .isInstanceOf(PostgresUnavailableException.class)
                .hasMessageContaining("Cannot connect to jdbc:postgresql://127.0.0.1:1/postgres")
                .hasMessageContaining("-Dinboop.postgres.url");
    }

    @Test
    void requiresAServerUrl() {
        assertThatThrownBy(() -> ServerPostgres.connect(serverSettings(null, "postgres")))
                .isInstanceOf(PostgresUnavailableException.class)
                .hasMessageContaining("-Dinboop.postgres.url=")
                .hasMessageContaining("PGHOST");
    }

    @Test
    void dropsTheIdleThrowawayDatabasesThatKilledRunsLeftAndNothingElse() throws SQLException {
        long twoHoursAgo = java.time.Instant.now().minus(java.time.Duration.ofHours(2)).getEpochSecond();
        String old = "inboop_codegen_t" + Long.toString(twoHoursAgo, Character.MAX_RADIX) + "_0badf00d";
        String oldInUse = "inboop_guard_t" + Long.toString(twoHoursAgo, Character.MAX_RADIX) + "_0badcafe";
        ThrowawayDatabase recent = ThrowawayDatabase.create(server, "inboop_probe");
        try (Connection connection = server.maintenance().connect();
             Statement statement = connection.createStatement()) {
            for (String name : List.of(old, oldInUse, "inboop_keep_me", "shop_t0_00000000")) {
                statement.execute("CREATE DATABASE \"" + name + "\"");
            }
        }
        try (Connection inUse = server.maintenance().withDatabase(oldInUse).connect()) {
            ServerPostgres.connect(serverSettings(server.maintenance().url(), "postgres"));

            assertThat(EmbeddedPostgresTest.databases(server)).doesNotContain(old)
                    .contains(oldInUse, recent.name(), "inboop_keep_me", "shop_t0_00000000");
        } finally {
            recent.close();
            try (Connection connection = server.maintenance().connect();
                 Statement statement = connection.createStatement()) {
                for (String name : List.of(oldInUse, "inboop_keep_me", "shop_t0_00000000")) {
                    statement.execute("DROP DATABASE IF EXISTS \"" + name + "\"");
                }
            }
        }
    }

    /** Tables, views, sequences and types that anyone created in the database {@code target} names. */
    private static List<String> userObjects(JdbcTarget target) throws SQLException {
        String sql = """
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
                UNION ALL
                SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
                ORDER BY 1""";
        List<String> names = new ArrayList<>();
        try (Connection connection = target.connect();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

}

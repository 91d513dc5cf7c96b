package com.inboop.db.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.codegen.postgres.ThrowawayDatabase;
import com.inboop.db.replica.ProductionReplica;

/** The production migrate step as a command: exit codes, messages, and the same adoption rules as the API. */
@ExtendWith(MigratedDatabaseExtension.class)
class MigrateCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> environment, String... args) {
        return MigrateCommand.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String url(ThrowawayDatabase database) {
        return database.target().url();
    }

    @Test
    void migratesAnEmptyDatabaseThenReportsNothingPending(TestDatabase server) {
        try (ThrowawayDatabase empty = server.newEmptyDatabase()) {
            Map<String, String> env = Map.of("INBOOP_DB_PASSWORD", empty.target().password());

            assertThat(run(env, "migrate", "--url", url(empty), "--user", empty.target().user())).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("migration(s) applied; schema now at V")
                    .contains("history: inboop_schema_history");
            assertThat(run(env, "validate", "--url", url(empty), "--user", empty.target().user())).isZero();
            assertThat(run(env, "info", "--url", url(empty), "--user", empty.target().user())).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("initial schema").contains("Success");
        }
    }

    @Test
    void refusesADatabaseThatIsNotInboopsWithExitOneAndTheReason(TestDatabase server) {
        try (ThrowawayDatabase unrelated = server.newEmptyDatabase()) {
            ProductionReplica.executeSql(unrelated.target().dataSource(), "CREATE TABLE widgets (id int)");

            int exit = run(Map.of("INBOOP_DB_PASSWORD", unrelated.target().password()), "migrate", "--url",
                    url(unrelated), "--user", unrelated.target().user());

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("inboop-db migrate failed: ")
                    .contains("inboop-db refuses to adopt this database");
        }
    }

    @Test
    void aLockTimeoutNamesTheSessionsThatHeldTheLockAndWhatToDo(TestDatabase server) throws Exception {
        try (ThrowawayDatabase database = server.newEmptyDatabase()) {
            ProductionReplica.migrateUpTo(database.target().dataSource(), "18");
            try (java.sql.Connection holder = database.target().connect();
                 java.sql.Statement statement = holder.createStatement()) {
                // An older transaction that V019's CREATE INDEX CONCURRENTLY must wait for.
                holder.setAutoCommit(false);
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
                statement.execute("SELECT count(*) FROM conversations");
                int holderPid;
                try (java.sql.ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
                    rs.next();
                    holderPid = rs.getInt(1);
                }

                int exit = run(Map.of("INBOOP_DB_PASSWORD", database.target().password()), "migrate", "--url",
                        url(database), "--user", database.target().user());

                assertThat(exit).isEqualTo(1);
                assertThat(err.toString(StandardCharsets.UTF_8))
                        .contains("waited longer than lock_timeout (5 s) for a lock and failed; the next migrate runs it again")
                        .contains("pid " + holderPid + " (")
                        .contains("idle in transaction, open ")
                        .contains("SELECT pg_backend_pid()")
                        .contains("pg_terminate_backend(pid)");
                holder.rollback();
            }
            // V019 ran outside a transaction, so Flyway recorded it as failed (and left an INVALID index): the next
            // migrate retries it by itself, no manual repair.
            assertThat(run(Map.of("INBOOP_DB_PASSWORD", database.target().password()), "migrate", "--url",
                    url(database), "--user", database.target().user())).as("the retry, once the holder is gone: %s",
                    err).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("V019 (create conversations inbox index) failed "
                    + "earlier outside a transaction; it is built to run again, so it runs again now");
            try (java.sql.Connection connection = database.target().connect();
                 java.sql.Statement statement = connection.createStatement();
                 java.sql.ResultSet rs = statement.executeQuery(
                         "SELECT count(*) FILTER (WHERE NOT success), count(*) FROM inboop_schema_history")) {
                rs.next();
                assertThat(rs.getInt(1)).as("failed rows left").isZero();
            }
        }
    }

    /** A port nothing listens on: a command that tried to connect would fail there with exit 1, not 2. */
    private static final String NOWHERE = "jdbc:postgresql://localhost:1/inboop";

    @Test
    void rejectsBadUsageWithExitTwoBeforeConnecting() {
        for (String command : new String[] {"migrate", "validate", "info"}) {
            assertThat(run(Map.of(), command, "--url", NOWHERE, "--dry-run")).as(command).isEqualTo(2);
            assertThat(run(Map.of(), command, "--url", NOWHERE, "--url", NOWHERE)).as(command).isEqualTo(2);
            assertThat(run(Map.of(), command, "--url")).as(command).isEqualTo(2);
            assertThat(run(Map.of(), command, "--url", "postgres://localhost/x")).as(command).isEqualTo(2);
            assertThat(run(Map.of(), command, "--url", NOWHERE, "--verbose=yes")).as(command).isEqualTo(2);
            assertThat(run(Map.of(), command, "--user", "inboop")).as(command).isEqualTo(2);
        }
        assertThat(run(Map.of())).isEqualTo(2);
        assertThat(run(Map.of(), "migrat", "--url", NOWHERE)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'migrat'")
                .contains("unknown option '--dry-run'").contains("--url is given twice; give it once")
                .contains("--url needs a value").contains("--url must be a jdbc:postgresql://")
                .contains("--verbose takes no value").contains("--url URL is required")
                .contains("usage: migrate --url URL").doesNotContain("Exception");
    }

    @Test
    void aPasswordIsNeverTakenFromTheCommandLineNorPrinted() throws Exception {
        assertThat(run(Map.of(), "migrate", "--url", NOWHERE, "--password", "hunter2")).isEqualTo(2);
        assertThat(run(Map.of(), "migrate", "--url", NOWHERE + "?user=x&password=hunter2")).isEqualTo(2);
        assertThat(run(Map.of(), "info", "--url", "jdbc:postgresql://x:hunter2@localhost:1/inboop")).isEqualTo(2);
        assertThat(run(Map.of("INBOOP_DB_PASSWORD", "hunter2"), "info", "--url", NOWHERE, "--user", "inboop"))
                .as("cannot connect").isEqualTo(1);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("password", ".txt");
        try {
            java.nio.file.Files.writeString(file, "hunter2\n");
            assertThat(run(Map.of(), "validate", "--url", NOWHERE, "--password-file", file.toString())).isEqualTo(1);
        } finally {
            java.nio.file.Files.delete(file);
        }
        assertThat(run(Map.of(), "validate", "--url", NOWHERE, "--password-file", "/nonexistent/pw")).isEqualTo(2);

        String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertThat(printed).doesNotContain("hunter2").contains("--password is not accepted")
                .contains("--url carries a password").contains("Connection to localhost:1 refused")
                .contains("--password-file /nonexistent/pw cannot be read")
                .doesNotContain("-X").doesNotContain("\tat ").doesNotContain("version     description");
    }

    @Test
    void helpPrintsEachCommandsUsageAndExitsZero() {
        for (String command : new String[] {"migrate", "validate", "info"}) {
            assertThat(run(Map.of(), command, "--help")).isZero();
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: validate --url URL")
                .contains("--password-file FILE").contains("--verbose");
    }
}

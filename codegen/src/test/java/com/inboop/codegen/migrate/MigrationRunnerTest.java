package com.inboop.codegen.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.postgres.EphemeralPostgres;
import com.inboop.codegen.postgres.ThrowawayDatabase;

/** How a migration that fails is reported. */
@ExtendWith(MigratedDatabaseExtension.class)
class MigrationRunnerTest {

    @Test
    void aStatementThatHangsFailsAtTheStatementTimeoutNamingItsMigration(EphemeralPostgres server,
                                                                        @TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("V001__wait_forever.sql"), "SELECT pg_sleep(600);\n");
        try (ThrowawayDatabase database = ThrowawayDatabase.create(server, "inboop_hang")) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> MigrationRunner.withSettings(new Properties())
                    .withStatementTimeout(Duration.ofMillis(500))
                    .migrate(database.target(), MigrationFiles.in(folder)))
                    .isInstanceOf(MigrationFailedException.class)
                    .hasMessageContaining("V001__wait_forever.sql:1: migration failed")
                    .hasMessageContaining("SQLSTATE 57014")
                    .hasMessageContaining("ran longer than the build's statement_timeout (0 s; -D"
                            + MigrationRunner.STATEMENT_TIMEOUT + "=SECONDS)");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
        }
    }

    @Test
    void aLockTimeoutNamesTheStatementsLineAndSaysToRetryNotToFixIt(EphemeralPostgres server, @TempDir Path folder)
            throws Exception {
        Files.writeString(folder.resolve("beforeEachMigrate.sql"), "SET lock_timeout = '300ms';\n");
        Files.writeString(folder.resolve("V001__add_note_to_widgets.sql"), """
                -- Adds a note.

                ALTER TABLE other.widgets ADD COLUMN note text;
                """);
        try (ThrowawayDatabase database = ThrowawayDatabase.create(server, "inboop_lock");
             Connection holder = database.target().connect();
             Statement statement = holder.createStatement()) {
            statement.execute("CREATE SCHEMA other; CREATE TABLE other.widgets (id int)");
            holder.setAutoCommit(false);
            statement.execute("LOCK TABLE other.widgets IN ACCESS SHARE MODE");

            assertThatThrownBy(() -> MigrationRunner.withSettings(new Properties())
                    .migrate(database.target(), MigrationFiles.in(folder)))
                    .isInstanceOfSatisfying(MigrationFailedException.class, e -> assertThat(e.line()).isEqualTo(3))
                    .hasMessageContaining("V001__add_note_to_widgets.sql:3: migration failed")
                    .hasMessageContaining("statement: ALTER TABLE other.widgets ADD COLUMN note text;")
                    .hasMessageContaining("lock timeout").hasMessageContaining("SQLSTATE 55P03")
                    .hasMessageContaining("Retry when the table is quieter")
                    .hasMessageNotContaining("Fix the statement");
            holder.rollback();
        }
    }

    @Test
    void saysWhatASlowMigrationWaitsForAndWhoHoldsTheLock(EphemeralPostgres server, @TempDir Path folder)
            throws Exception {
        Files.writeString(folder.resolve("V001__add_note_to_widgets.sql"),
                "ALTER TABLE other.widgets ADD COLUMN note text;\n");
        List<String> progress = new CopyOnWriteArrayList<>();
        try (ThrowawayDatabase database = ThrowawayDatabase.create(server, "inboop_lock");
             Connection holder = database.target().connect();
             Statement statement = holder.createStatement()) {
            statement.execute("CREATE SCHEMA other; CREATE TABLE other.widgets (id int)");
            holder.setAutoCommit(false);
            statement.execute("SELECT count(*) FROM other.widgets"); // an open transaction reading it: ACCESS SHARE
            int holderPid;
            try (var rs = statement.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                holderPid = rs.getInt(1);
            }

            assertThatThrownBy(() -> MigrationRunner.withSettings(new Properties())
                    .withStatementTimeout(Duration.ofMillis(3500))
                    .withProgress(Duration.ofSeconds(1), progress::add)
                    .migrate(database.target(), MigrationFiles.in(folder)))
                    .isInstanceOf(MigrationFailedException.class).hasMessageContaining("SQLSTATE 57014");
            holder.rollback();

            assertThat(progress).hasSizeBetween(2, 4).allSatisfy(line -> assertThat(line)
                    .startsWith("still applying V001__add_note_to_widgets.sql after ")
                    .contains("waiting for a relation lock held by " + holderPid + " (idle in transaction for ")
                    .contains("SELECT pg_backend_pid()"));
        }
    }

    @Test
    void saysNothingAboutMigrationsFasterThanTheInterval(EphemeralPostgres server, @TempDir Path folder)
            throws Exception {
        Files.writeString(folder.resolve("V001__create_widgets.sql"), "CREATE TABLE widgets (id int);\n");
        List<String> progress = new CopyOnWriteArrayList<>();
        try (ThrowawayDatabase database = ThrowawayDatabase.create(server, "inboop_quick")) {
            MigrationRunner.withSettings(new Properties()).withProgress(Duration.ofMillis(200), progress::add)
                    .migrate(database.target(), MigrationFiles.in(folder));
            Thread.sleep(500);
        }
        assertThat(progress).isEmpty();
    }
}

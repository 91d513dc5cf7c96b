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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.codegen.postgres.EphemeralPostgres;
import com.inboop.codegen.postgres.ThrowawayDatabase;

/** How a migration that fails is reported, and where a runner's Flyway settings come from. */
@ExtendWith(MigratedDatabaseExtension.class)
class MigrationRunnerTest {

    @Test
    void aSettingsFileIsReadAsAConfOrAsAToml(@TempDir Path folder) throws Exception {
        Path conf = Files.writeString(folder.resolve("flyway.conf"), "flyway.schemas=app\nflyway.placeholders.x=1\n");
        Path toml = Files.writeString(folder.resolve("flyway.toml"), """
                [environments.prod]
                url = "jdbc:postgresql://prod/db"
                [flyway]
                schemas = ["app"] # the history's schema
                [flyway.placeholders]
                x = "1"
                """);

        for (Path file : List.of(conf, toml)) {
            Properties settings = MigrationRunner.withSettings(file).settings();
            assertThat(settings).as(file.getFileName().toString())
                    .containsEntry("flyway.schemas", "app").containsEntry("flyway.placeholders.x", "1")
                    .hasSize(2);
        }
    }

    @Test
    void aSettingsFileThatCannotBeReadIsNamedWithTheFix(@TempDir Path folder) {
        Path missing = folder.resolve("flyway.conf");

        assertThatThrownBy(() -> MigrationRunner.withSettings(missing))
                .hasMessageContaining("Cannot read Flyway settings " + missing.toAbsolutePath())
                .hasMessageContaining("pass the flyway.conf that inboop-db ships");
    }

    @Test
    void aStatementThatHangsFailsAtTheStatementTimeoutNamingItsMigration(EphemeralPostgres server,
                                                                        @TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("V001__wait_forever.sql"), "SELECT pg_sleep(600);\n");
        try (ThrowawayDatabase database = ThrowawayDatabase.create(server, "inboop_hang")) {

            assertThatThrownBy(() -> MigrationRunner.withSettings(new Properties())
                    .withStatementTimeout(Duration.ofMillis(500))
                    .migrate(database.target(), MigrationFiles.in(folder)))
                    .isInstanceOf(MigrationFailedException.class)
                    .hasMessageContaining("V001__wait_forever.sql:1: migration failed")
                    .hasMessageContaining("SQLSTATE 57014")
                    .hasMessageContaining("ran longer than the build's statement_timeout (0 s; -D"
                            + MigrationRunner.STATEMENT_TIMEOUT + "=SECONDS)");
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
        BlockingQueue<String> progress = new LinkedBlockingQueue<>();
        ExecutorService migrating = Executors.newSingleThreadExecutor();
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

            Future<Integer> migration = migrating.submit(() -> MigrationRunner.withSettings(new Properties())
                    .withProgress(Duration.ofMillis(200), progress::add)
                    .migrate(database.target(), MigrationFiles.in(folder)));
            // Two lines said while the lock is certainly still held: the holder lets go only after them.
            List<String> whileHeld = List.of(nextLine(progress, migration), nextLine(progress, migration));
            holder.rollback();

            assertThat(migration.get()).isEqualTo(1);
            assertThat(whileHeld).allSatisfy(line -> assertThat(line)
                    .startsWith("still applying V001__add_note_to_widgets.sql after ")
                    .contains("waiting for a relation lock held by " + holderPid + " (idle in transaction for ")
                    .contains("SELECT pg_backend_pid()"));
        } finally {
            migrating.shutdownNow();
        }
    }

    /** The next progress line; fails at once if the migration ended instead of saying anything. */
    private static String nextLine(BlockingQueue<String> progress, Future<Integer> migration) throws Exception {
        while (true) {
            String line = progress.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                return line;
            }
            if (migration.isDone()) {
                throw new AssertionError("the migration ended without a progress line: " + migration.get());
            }
        }
    }

    @Test
    void saysNothingBeforeAMigrationHasRunForTheIntervalNorAfterItEnded(TestDatabase database) throws Exception {
        List<String> progress = new CopyOnWriteArrayList<>();
        AtomicLong clock = new AtomicLong();
        try (MigrationWatch watch = new MigrationWatch(database.target(), Duration.ofSeconds(10), progress::add,
                clock::get);
             Connection session = database.target().connect();
             Statement statement = session.createStatement();
             var rs = statement.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            watch.started("V001__create_widgets.sql", rs.getInt(1));

            clock.addAndGet(Duration.ofSeconds(10).toNanos() - 1);
            watch.report();
            assertThat(progress).as("before the interval has passed").isEmpty();

            clock.addAndGet(1);
            watch.report();
            assertThat(progress).as("once it has").singleElement().asString()
                    .startsWith("still applying V001__create_widgets.sql after 10 s: ");

            watch.finished();
            clock.addAndGet(Duration.ofMinutes(5).toNanos());
            watch.report();
            assertThat(progress).as("after the migration ended").hasSize(1);
        }
    }
}

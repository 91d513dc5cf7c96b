package com.inboop.db.migration;

import static com.inboop.codegen.junit.Eventually.awaitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.inboop.codegen.catalog.CatalogSnapshot;
import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.Slow;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.codegen.postgres.JdbcTarget;
import com.inboop.codegen.postgres.ThrowawayDatabase;
import com.inboop.db.internal.cli.MigrateCommand;
import com.inboop.db.replica.ProductionReplica;

/**
 * The production migrate step ({@link MigrateCommand}, in a JVM of its own) killed with SIGKILL, as a deploy that
 * times out or a machine that dies would kill it: while an index builds {@code CONCURRENTLY}, and at five points of
 * a migrate from scratch.
 * After each kill the next migrate finishes, every index is valid, the history holds every migration once and
 * successful, and the schema is exactly the one an uninterrupted migrate builds.
 */
@Slow
@ExtendWith(MigratedDatabaseExtension.class)
class MigrateKillTest {

    @Test
    void killedWhileAnIndexBuildsTheIndexIsLeftInvalidAndTheNextMigrateRebuildsIt(TestDatabase server)
            throws Exception {
        try (ThrowawayDatabase database = server.newEmptyDatabase();
             ThrowawayDatabase reference = server.newEmptyDatabase()) {
            InboopMigrations.migrate(reference.target().dataSource());
            ProductionReplica.migrateUpTo(database.target().dataSource(), "18");

            Process migrate;
            try (Connection holder = database.target().connect();
                 Statement statement = holder.createStatement()) {
                // An older transaction: CREATE INDEX CONCURRENTLY must wait for it before it can finish.
                holder.setAutoCommit(false);
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
                statement.execute("SELECT count(*) FROM conversations");
                migrate = launch(database.target());
                awaitUntil(() -> count(database.target(), "SELECT count(*) FROM pg_stat_activity WHERE datname = "
                        + "current_database() AND query ILIKE 'CREATE INDEX CONCURRENTLY%' AND wait_event_type = 'Lock'")
                        == 1);
                migrate.destroyForcibly();
                migrate.waitFor();
                // Its session ends at the latest at the 5 s lock_timeout, leaving the half-built index behind.
                awaitUntil(() -> sessionsBesides(database.target(), 1) == 0);
                holder.rollback();
            }
            assertThat(count(database.target(), "SELECT count(*) FROM pg_index x JOIN pg_class i ON i.oid = "
                    + "x.indexrelid WHERE i.relname = 'idx_conversations_inbox' AND NOT x.indisvalid"))
                    .as("the interrupted build's INVALID index").isEqualTo(1);
            assertThat(count(database.target(), "SELECT count(*) FROM inboop_schema_history WHERE version = '19'"))
                    .as("V019 is not recorded").isZero();

            assertFinishesAsAnUninterruptedMigrateWould(database, reference);
        }
    }

    @Test
    void killedAtSeveralPointsTheNextMigrateAlwaysFinishes(TestDatabase server) throws Exception {
        try (ThrowawayDatabase database = server.newEmptyDatabase();
             ThrowawayDatabase reference = server.newEmptyDatabase()) {
            InboopMigrations.migrate(reference.target().dataSource());
            int all = appliedMigrations(reference.target());
            List<Integer> appliedAfterEachKill = new ArrayList<>();
            // Each run is killed as soon as the history shows this many migrations: inside the next one, or between.
            for (int killAt : new int[] {1, 6, 12, 18, 24}) {
                Process migrate = launch(database.target());
                awaitUntil(() -> appliedMigrations(database.target()) >= killAt || !migrate.isAlive());
                migrate.destroyForcibly();
                migrate.waitFor();
                awaitUntil(() -> sessionsBesides(database.target(), 0) == 0);
                appliedAfterEachKill.add(appliedMigrations(database.target()));
            }
            assertThat(appliedAfterEachKill).as("migrations recorded after each kill").isSorted()
                    .allMatch(applied -> applied < all);

            assertFinishesAsAnUninterruptedMigrateWould(database, reference);
        }
    }

    private static void assertFinishesAsAnUninterruptedMigrateWould(ThrowawayDatabase database,
                                                                     ThrowawayDatabase reference) throws Exception {
        Process migrate = launch(database.target());
        assertThat(migrate.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(migrate.exitValue()).as(new String(migrate.getInputStream().readAllBytes())).isZero();

        assertThat(count(database.target(), "SELECT count(*) FROM pg_index WHERE NOT indisvalid")).isZero();
        assertThat(count(database.target(), "SELECT count(*) FROM inboop_schema_history WHERE NOT success")).isZero();
        assertThat(appliedMigrations(database.target())).isEqualTo(appliedMigrations(reference.target()));
        try (Connection actual = database.target().connect(); Connection expected = reference.target().connect()) {
            assertThat(CatalogSnapshot.read(actual, "public").structure())
                    .isEqualTo(CatalogSnapshot.read(expected, "public").structure());
        }
    }

    /** {@code MigrateCommand migrate} on {@code target}, in a JVM of its own, as production runs it. */
    private static Process launch(JdbcTarget target) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), MigrateCommand.class.getName(), "migrate", "--url",
                target.url(), "--user", target.user()).redirectErrorStream(true);
        builder.environment().putAll(Map.of("INBOOP_DB_PASSWORD", target.password()));
        return builder.start();
    }

    private static int appliedMigrations(JdbcTarget target) {
        return count(target, "SELECT count(*) FROM inboop_schema_history WHERE success AND version IS NOT NULL");
    }

    /** Sessions on the database other than this test's own ({@code own} of them). */
    private static int sessionsBesides(JdbcTarget target, int own) {
        return count(target, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()") - 1 - own;
    }

    private static int count(JdbcTarget target, String sql) {
        try (Connection connection = target.connect();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return 0; // no history table yet
            }
            throw new IllegalStateException(e);
        }
    }
}

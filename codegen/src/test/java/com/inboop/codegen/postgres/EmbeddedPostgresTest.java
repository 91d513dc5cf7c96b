package com.inboop.codegen.postgres;

import static com.inboop.codegen.junit.Eventually.awaitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class EmbeddedPostgresTest {

    @Test
    void servesQueriesAndRemovesProcessAndDataDirectoryOnClose(@TempDir Path parent) throws SQLException {
        EmbeddedPostgres postgres = EmbeddedPostgres.start(PostgresProcesses.embeddedIn(parent));
        Path data = postgres.dataDirectory();

        assertThat(data).startsWith(parent).isDirectory();
        assertThat(PostgresProcesses.using(data)).isNotEmpty();
        try (Connection connection = postgres.maintenance().connect();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW server_version_num")) {
            rs.next();
            assertThat(rs.getInt(1)).isBetween(170000, 179999);
        }
        assertThat(postgres.description()).startsWith("embedded PostgreSQL 17.");

        postgres.close();

        assertThat(data).doesNotExist();
        assertThat(PostgresProcesses.using(data)).isEmpty();
        assertThatThrownBy(() -> postgres.maintenance().connect().close()).isInstanceOf(SQLException.class);
        postgres.close(); // a second close is harmless
    }

    /** Starts {@link HoldsEmbeddedPostgres} as a separate JVM and returns it with its data directory, ready. */
    private static Map.Entry<Process, Path> buildHoldingAServer(Path parent) throws IOException {
        Process build = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldsEmbeddedPostgres.class.getName(),
                parent.toString()).redirectErrorStream(true).start();
        var output = new BufferedReader(new InputStreamReader(build.getInputStream(), StandardCharsets.UTF_8));
        String line;
        do {
            line = output.readLine();
            assertThat(line).as("the child build's output ended before its server was ready").isNotNull();
        } while (!line.startsWith("READY "));
        return Map.entry(build, Path.of(line.substring("READY ".length())));
    }

    @Test
    void aBuildStoppedWithCtrlCStopsItsServerAndRemovesItsDataDirectory(@TempDir Path parent) throws Exception {
        Map.Entry<Process, Path> build = buildHoldingAServer(parent);
        assertThat(PostgresProcesses.using(build.getValue())).isNotEmpty();

        build.getKey().destroy(); // SIGTERM, what Ctrl-C amounts to for the JVM: its shutdown hooks run
        assertThat(build.getKey().waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(build.getValue()).doesNotExist();
        assertThat(PostgresProcesses.using(build.getValue())).isEmpty();
        try (var left = Files.list(parent)) {
            assertThat(left).as("nothing at all left under " + parent).isEmpty();
        }
    }

    @Test
    void aBuildKilledWithSigkillLeavesNoServerAndNoDataDirectoryEvenWithoutANextRun(@TempDir Path parent)
            throws Exception {
        Map.Entry<Process, Path> build = buildHoldingAServer(parent);
        Path data = build.getValue();
        assertThat(PostgresProcesses.using(data)).as("its server and its watchdog").hasSizeGreaterThanOrEqualTo(2);

        long killed = System.nanoTime();
        build.getKey().destroyForcibly(); // SIGKILL: no shutdown hook, no finally
        build.getKey().waitFor();

        // The watchdog outside the JVM saw its input close and stops the server and removes the directory.
        awaitUntil(() -> PostgresProcesses.using(data).isEmpty() && isEmpty(parent));
        System.out.printf("EmbeddedPostgresTest: a SIGKILLed build's server and data directory were gone %d ms after "
                + "the kill%n", (System.nanoTime() - killed) / 1_000_000);
    }

    @Test
    void theNextRunStopsAndRemovesWhatAKilledBuildAndItsWatchdogLeftBehind(@TempDir Path parent) throws Exception {
        Map.Entry<Process, Path> build = buildHoldingAServer(parent);
        Path data = build.getValue();
        // The whole session killed at once, the watchdog first (a machine's OOM killer, kill -9 of a process tree).
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("inboop-reaper " + data))
                .forEach(ProcessHandle::destroyForcibly);
        build.getKey().destroyForcibly();
        build.getKey().waitFor();
        assertThat(data).isDirectory();
        assertThat(PostgresProcesses.using(data)).as("the killed build's server still runs").isNotEmpty();

        try (EmbeddedPostgres next = EmbeddedPostgres.start(PostgresProcesses.embeddedIn(parent))) {
            assertThat(data).as("the leftover data directory").doesNotExist();
            assertThat(PostgresProcesses.using(data)).as("the leftover server").isEmpty();
            assertThat(next.dataDirectory()).isDirectory();
        }
        assertThat(isEmpty(parent)).as("nothing at all left under " + parent).isTrue();
    }

    private static boolean isEmpty(Path directory) {
        try (var left = Files.list(directory)) {
            return left.findAny().isEmpty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void leavesTheServerOfARunningBuildAlone(@TempDir Path parent) {
        try (EmbeddedPostgres running = EmbeddedPostgres.start(PostgresProcesses.embeddedIn(parent));
             EmbeddedPostgres another = EmbeddedPostgres.start(PostgresProcesses.embeddedIn(parent))) {
            assertThat(running.dataDirectory()).isDirectory();
            assertThat(PostgresProcesses.using(running.dataDirectory())).isNotEmpty();
            assertThat(another.dataDirectory()).isNotEqualTo(running.dataDirectory());
        }
    }

    @Test
    void throwawayDatabaseIsDroppedOnClose(@TempDir Path parent) throws SQLException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(PostgresProcesses.embeddedIn(parent))) {
            ThrowawayDatabase database = ThrowawayDatabase.create(postgres, "inboop_probe");
            try (Connection open = database.target().connect()) {
                assertThat(databases(postgres)).contains(database.name());
                database.close(); // drops even though a connection is still open
            }
            assertThat(databases(postgres)).doesNotContain(database.name());
        }
    }

    /** The names of the databases on {@code postgres}, sorted. */
    public static java.util.List<String> databases(EphemeralPostgres postgres) throws SQLException {
        try (Connection connection = postgres.maintenance().connect();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT datname FROM pg_database ORDER BY datname")) {
            java.util.List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }
}

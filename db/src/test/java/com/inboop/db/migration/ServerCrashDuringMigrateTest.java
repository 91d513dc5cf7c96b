package com.inboop.db.migration;

import static com.inboop.codegen.junit.Eventually.awaitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import com.inboop.codegen.catalog.CatalogSnapshot;
import com.inboop.codegen.junit.Slow;
import com.inboop.db.internal.cli.MigrateCommand;
import com.inboop.db.replica.ProductionReplica;
import com.inboop.db.replica.ProductionScale;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The server dies (SIGKILL of the postmaster and of the machine's JVM, as a power loss would) while production's
 * migrate builds an index {@code CONCURRENTLY} on 300,000 conversations; a new server recovers the same data
 * directory. The interrupted index is left INVALID and its migration unrecorded, and the next migrate drops it,
 * rebuilds it and finishes with the schema an uninterrupted migrate builds: issue #14's item 2, reproduced as it
 * was reported.
 */
@Slow
class ServerCrashDuringMigrateTest {

    @TempDir
    Path work;

    @Test
    void anIndexBuildInterruptedByAServerCrashIsRebuiltByTheNextMigrate() throws Exception {
        Path data = work.resolve("data");
        Process machine = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldsAServer.class.getName(), data.toString())
                .redirectErrorStream(true).start();
        int port = awaitReady(machine);
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";

        PGSimpleDataSource dataSource = dataSource(port);
        ProductionReplica.migrateUpTo(dataSource, "18");
        ProductionScale.seed(dataSource, 300_000, 0);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT"); // keeps the crash recovery short: only the index build's WAL to replay
        }

        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), MigrateCommand.class.getName(), "migrate", "--url", url,
                "--user", "postgres").redirectErrorStream(true);
        builder.environment().putAll(Map.of("INBOOP_DB_PASSWORD", ""));
        Process migrate = builder.start();
        // Past its first transaction, which commits the index as INVALID: the crash hits the build itself.
        awaitUntil(() -> count(url, "SELECT count(*) FROM pg_stat_progress_create_index WHERE phase LIKE 'building"
                + " index%'") > 0 || !migrate.isAlive());
        assertThat(migrate.isAlive()).as("the migrate was still running when the server crashed").isTrue();
        long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
        // The crash, as a power loss: the postmaster and every process of the server (its backends name no data
        // directory on their command line), the JVM that started it, and the migrate.
        List<ProcessHandle> server = new ArrayList<>();
        ProcessHandle.of(postmaster).ifPresent(p -> {
            server.add(p);
            server.addAll(p.descendants().toList());
        });
        server.forEach(ProcessHandle::destroyForcibly);
        machine.destroyForcibly();
        migrate.destroyForcibly();
        machine.waitFor();
        migrate.waitFor();
        awaitUntil(() -> server.stream().allMatch(p -> isZombie(p.pid())));
        // A reboot after a power loss leaves no process behind; here the dead postmaster may linger as a zombie
        // until init reaps it, and Postgres would take its pid for a live server. Its lock file goes, as on reboot.
        Files.deleteIfExists(data.resolve("postmaster.pid"));

        try (EmbeddedPostgres recovered = EmbeddedPostgres.builder().setDataDirectory(data)
                .setCleanDataDirectory(false).setPGStartupWait(Duration.ofSeconds(60)).start()) {
            String again = "jdbc:postgresql://localhost:" + recovered.getPort() + "/postgres";
            assertThat(count(again, "SELECT count(*) FROM pg_index WHERE NOT indisvalid"))
                    .as("the crashed build's INVALID index").isEqualTo(1);
            int applied = count(again, "SELECT count(*) FROM inboop_schema_history WHERE success");

            assertThat(MigrateCommand.run(new String[] {"migrate", "--url", again, "--user", "postgres"},
                    Map.of("INBOOP_DB_PASSWORD", ""), System.out, System.err)).isZero();

            assertThat(count(again, "SELECT count(*) FROM pg_index WHERE NOT indisvalid")).isZero();
            assertThat(count(again, "SELECT count(*) FROM inboop_schema_history WHERE NOT success")).isZero();
            assertThat(count(again, "SELECT count(*) FROM inboop_schema_history WHERE success"))
                    .isGreaterThan(applied);
            try (Connection connection = DriverManager.getConnection(again, "postgres", "")) {
                assertThat(CatalogSnapshot.read(connection, "public").structure()).isEqualTo(reference(again));
            }
        }
    }

    /** The catalog an uninterrupted migrate builds, in a new database of the server {@code url} names. */
    private static List<String> reference(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE reference");
        }
        String reference = url.replace("/postgres", "/reference");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(reference);
        dataSource.setUser("postgres");
        InboopMigrations.migrate(dataSource);
        try (Connection connection = DriverManager.getConnection(reference, "postgres", "")) {
            return CatalogSnapshot.read(connection, "public").structure();
        }
    }

    /** True for a process that has exited but not been reaped (state Z in /proc). */
    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return true; // gone
        }
    }

    private static PGSimpleDataSource dataSource(int port) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL("jdbc:postgresql://localhost:" + port + "/postgres");
        dataSource.setUser("postgres");
        return dataSource;
    }

    private static int awaitReady(Process machine) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(machine.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        do {
            line = output.readLine();
            assertThat(line).as("the server's JVM ended before it was ready").isNotNull();
        } while (!line.startsWith("READY "));
        return Integer.parseInt(line.substring("READY ".length()).strip());
    }

    private static int count(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

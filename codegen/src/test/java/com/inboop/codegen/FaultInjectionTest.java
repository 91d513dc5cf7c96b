package com.inboop.codegen;

import static com.inboop.codegen.junit.Eventually.awaitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.inboop.codegen.guard.lock.LockCheck;
import com.inboop.codegen.postgres.EmbeddedPostgres;
import com.inboop.codegen.postgres.PostgresProcesses;
import com.inboop.codegen.postgres.PostgresProvider;
import com.inboop.codegen.postgres.PostgresSettings;
import com.inboop.codegen.postgres.ThrowawayDatabase;
import com.inboop.codegen.junit.Slow;

/**
 * Builds killed at chosen points, the way users and machines kill them: the build JVM with SIGKILL (no shutdown hook
 * runs) and with SIGTERM (what Ctrl-C amounts to), while its embedded server is being created and while a
 * migration runs; the build JVM on a shared server; and the Postgres server itself under a running build. After
 * each: what is left is exactly what the kill could not prevent, and the next run removes it and generates.
 *
 * <p>The build runs in a JVM of its own ({@link RunsCodegen}); its migrations end with a slow one
 * ({@code pg_sleep}), and the build's progress lines ("still applying V002 ...", every second here) say when it
 * is in it.
 */
@Slow
class FaultInjectionTest {

    @TempDir
    static Path serverDirectory;

    /** A second, independent server for the server provider's cases. */
    private static EmbeddedPostgres shared;

    @TempDir
    Path work;

    @BeforeAll
    static void startASharedServer() {
        shared = EmbeddedPostgres.start(PostgresProcesses.embeddedIn(serverDirectory));
    }

    @AfterAll
    static void stopIt() {
        shared.close();
    }

    @Test
    void buildKilledWithSigkillWhileMigratingLeavesNothingOnceItsWatchdogHasRun() throws Exception {
        Path parent = Files.createDirectories(work.resolve("postgres"));
        Build build = Build.inTheSlowMigration(work, "embedded", parent.toString());
        build.process.destroyForcibly();
        build.process.waitFor();

        // No shutdown hook ran; the watchdog outside the JVM stops the server and removes its directory.
        awaitUntil(() -> PostgresProcesses.using(parent).isEmpty() && children(parent).isEmpty());
        assertThat(work.resolve("jooq")).as("nothing published").doesNotExist();

        assertNextRunGeneratesAndLeavesNothing(parent);
    }

    @Test
    void buildStoppedWithCtrlCWhileMigratingLeavesNothing() throws Exception {
        Path parent = Files.createDirectories(work.resolve("postgres"));
        Build build = Build.inTheSlowMigration(work, "embedded", parent.toString());
        build.process.destroy(); // SIGTERM: shutdown hooks run
        assertThat(build.process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(PostgresProcesses.using(parent)).isEmpty();
        assertThat(children(parent)).as("no data directory, not even an empty one").isEmpty();
        assertThat(build.output).noneMatch(line -> line.contains("drop it by hand"));
        assertNextRunGeneratesAndLeavesNothing(parent);
    }

    @Test
    void buildKilledWhileItsServerIsBeingCreatedLeavesNothingTheNextRunDoesNotRemove() throws Exception {
        Path parent = Files.createDirectories(work.resolve("postgres"));
        for (boolean sigkill : new boolean[] {false, true}) {
            Build build = Build.start(work, "embedded", parent.toString());
            awaitUntil(() -> !children(parent).isEmpty()); // initdb has begun writing the data directory
            if (sigkill) {
                build.process.destroyForcibly();
            } else {
                build.process.destroy();
            }
            assertThat(build.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            if (!sigkill) {
                // The shutdown hooks stopped everything, the watchdog included, before the JVM ended.
                assertThat(PostgresProcesses.using(parent)).as("the build said: %s", build.output).isEmpty();
                assertThat(children(parent)).as("Ctrl-C during initdb or start: no directory left; the build said: %s",
                        build.output).isEmpty();
            }
        }
        assertNextRunGeneratesAndLeavesNothing(parent);
    }

    @Test
    void postgresKilledUnderARunningBuildFailsItClearlyAndLeavesNothing() throws Exception {
        Path parent = Files.createDirectories(work.resolve("postgres"));
        Build build = Build.inTheSlowMigration(work, "embedded", parent.toString());

        // The postmaster, as its data directory names it.
        Path dataDirectory = children(parent).stream().filter(Files::isDirectory).findFirst().orElseThrow();
        long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        postmaster.destroyForcibly(); // the server crashes: SIGKILL of the postmaster

        assertThat(build.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(build.process.exitValue()).isEqualTo(1);
        assertThat(String.join("\n", build.output)).contains("FAILED").contains("V002__wait.sql");
        awaitUntil(() -> PostgresProcesses.using(parent).isEmpty()); // its backends exit once they notice
        assertThat(children(parent)).as("the crashed server's data directory").isEmpty();
        assertNextRunGeneratesAndLeavesNothing(parent);
    }

    @Test
    void buildKilledOnASharedServerLeavesADatabaseThatTheNextRunDrops() throws Exception {
        List<String> before = databases();
        Build build = Build.inTheSlowMigration(work, "server", shared.maintenance().url());
        build.process.destroyForcibly();
        build.process.waitFor();
        List<String> leftovers = databases().stream().filter(name -> !before.contains(name)).toList();
        assertThat(leftovers).as("the killed build's throwaway database").singleElement().asString()
                .startsWith("inboop_codegen_t");
        // Its session notices the lost client (client_connection_check_interval) instead of sleeping on.
        awaitUntil(() -> sessionsOn(leftovers.get(0)) == 0);

        // The next run takes any idle throwaway database for a leftover (here: of any age).
        String previous = System.setProperty(ThrowawayDatabase.LEFTOVER_MINUTES, "0");
        try {
            SchemaCodegen.Outcome outcome = codegen().run(false, new PostgresSettings(PostgresProvider.SERVER,
                    java.util.Optional.of(shared.maintenance().url()), "postgres", "", "unused", Path.of("unused")),
                    LockCheck.Mode.RECORD);
            assertThat(outcome).isInstanceOf(SchemaCodegen.Generated.class);
        } finally {
            if (previous == null) {
                System.clearProperty(ThrowawayDatabase.LEFTOVER_MINUTES);
            } else {
                System.setProperty(ThrowawayDatabase.LEFTOVER_MINUTES, previous);
            }
        }
        assertThat(databases()).isEqualTo(before);
    }

    @Test
    void buildKilledAtRandomMomentsOfGenerationNeverLeavesPartialClassesMarkedCurrent() throws Exception {
        Path parent = Files.createDirectories(work.resolve("postgres"));
        Path migrations = Files.createDirectories(work.resolve("migrations"));
        Files.copy(Fixtures.fixture("migrations/good/V001__create_widgets.sql"),
                migrations.resolve("V001__create_widgets.sql"));
        codegen().run(false, PostgresProcesses.embeddedIn(parent), LockCheck.Mode.RECORD);
        List<String> before = generatedFiles();
        Files.writeString(migrations.resolve("V002__create_gadgets.sql"), "CREATE TABLE gadgets (id bigint PRIMARY KEY);\n");
        Files.deleteIfExists(migrations.resolve("migrations.lock"));

        java.util.Random random = new java.util.Random(42);
        List<List<String>> seen = new java.util.ArrayList<>();
        for (int attempt = 0; attempt < 4; attempt++) {
            Build build = Build.launch(work, "embedded", parent.toString(), migrations);
            Thread.sleep(1500 + random.nextInt(2500)); // somewhere in start, migrate, generate or publish
            build.process.destroyForcibly();
            build.process.waitFor();
            seen.add(generatedFiles());
            try (Stream<Path> beside = Files.list(work)) {
                assertThat(beside.map(p -> p.getFileName().toString()))
                        .allMatch(name -> List.of("postgres", "migrations", "jooq").contains(name)
                                || name.startsWith("jooq."), "only staging or retired copies of jooq besides");
            }
        }

        SchemaCodegen.Outcome next = new SchemaCodegen(migrations, Fixtures.flywayConf(),
                Fixtures.fixture("jooq-codegen.xml"), work.resolve("jooq"))
                .run(false, PostgresProcesses.embeddedIn(parent), LockCheck.Mode.RECORD);
        assertThat(next.guard().hasErrors()).isFalse();
        List<String> after = generatedFiles();
        assertThat(after).containsAll(before).anyMatch(f -> f.endsWith("tables/Gadgets.java"));
        assertThat(seen).as("after each kill the classes were the old set, the new set or none, never a part")
                .allMatch(files -> files.isEmpty() || files.equals(before) || files.equals(after));
        try (Stream<Path> beside = Files.list(work)) {
            assertThat(beside.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("postgres", "migrations", "jooq");
        }
        assertThat(PostgresProcesses.using(parent)).isEmpty();
        assertThat(children(parent)).isEmpty();
    }

    /** The generated files, relative to the output folder, sorted (empty if there is no output). */
    private List<String> generatedFiles() throws IOException {
        Path output = work.resolve("jooq");
        if (!Files.isDirectory(output)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(output)) {
            return files.filter(Files::isRegularFile).map(p -> output.relativize(p).toString()).sorted().toList();
        }
    }

    /** The next build on the same machine: it cleans up, generates, and leaves no server and no directory. */
    private void assertNextRunGeneratesAndLeavesNothing(Path parent) {
        SchemaCodegen.Outcome outcome = codegen().run(false, PostgresProcesses.embeddedIn(parent),
                LockCheck.Mode.RECORD);

        assertThat(outcome).isInstanceOf(SchemaCodegen.Generated.class);
        assertThat(work.resolve("jooq/com/inboop/codegen/fixture/schema/tables/Widgets.java")).isRegularFile();
        assertThat(PostgresProcesses.using(parent)).isEmpty();
        assertThat(children(parent)).isEmpty();
    }

    /** The codegen step on this test's migrations, without the slow one (the next run must not wait). */
    private SchemaCodegen codegen() {
        try {
            Files.deleteIfExists(work.resolve("migrations/V002__wait.sql"));
            Files.deleteIfExists(work.resolve("migrations/migrations.lock"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SchemaCodegen(work.resolve("migrations"), Fixtures.flywayConf(), Fixtures.fixture("jooq-codegen.xml"),
                work.resolve("jooq"));
    }

    private static List<String> databases() throws java.sql.SQLException {
        return com.inboop.codegen.postgres.EmbeddedPostgresTest.databases(shared);
    }

    private static int sessionsOn(String database) {
        try (java.sql.Connection connection = shared.maintenance().connect();
             java.sql.PreparedStatement statement = connection.prepareStatement(
                     "SELECT count(*) FROM pg_stat_activity WHERE datname = ?")) {
            statement.setString(1, database);
            try (java.sql.ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> children(Path parent) {
        try (Stream<Path> entries = Files.list(parent)) {
            return entries.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A {@link RunsCodegen} JVM and everything it printed so far. */
    private record Build(Process process, List<String> output) {

        static Build start(Path work, String provider, String where) throws IOException {
            Path migrations = Files.createDirectories(work.resolve("migrations"));
            Files.copy(Fixtures.fixture("migrations/good/V001__create_widgets.sql"),
                    migrations.resolve("V001__create_widgets.sql"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(migrations.resolve("V002__wait.sql"), "SELECT pg_sleep(60);\n");
            return launch(work, provider, where, migrations);
        }

        /** A build started and seen inside its slow migration (its progress line says so). */
        static Build inTheSlowMigration(Path work, String provider, String where) throws Exception {
            Build build = start(work, provider, where);
            build.awaitOutput(line -> line.contains("still applying V002__wait.sql"));
            return build;
        }

        /** The build of whatever {@code migrations} holds. */
        static Build launch(Path work, String provider, String where, Path migrations) throws IOException {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dinboop.codegen.progressSeconds=1", "-cp", System.getProperty("java.class.path"),
                    RunsCodegen.class.getName(), provider, where, migrations.toString(),
                    Fixtures.flywayConf().toString(), Fixtures.fixture("jooq-codegen.xml").toString(),
                    work.resolve("jooq").toString()).redirectErrorStream(true).start();
            List<String> output = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    lines.lines().forEach(output::add);
                } catch (IOException | java.io.UncheckedIOException e) {
                    // the process was killed (or its stream closed under the reading): its output ends here
                }
            });
            reader.setDaemon(true);
            reader.start();
            return new Build(process, output);
        }

        void awaitOutput(Predicate<String> line) throws InterruptedException {
            awaitUntil(() -> output.stream().anyMatch(line) || !process.isAlive());
            assertThat(output).as("the build's output").anyMatch(line);
        }
    }
}

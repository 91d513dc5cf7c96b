package com.inboop.codegen.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.inboop.codegen.Fixtures;
import com.inboop.codegen.catalog.CatalogSnapshot;
import com.inboop.codegen.migrate.MigrationFiles;
import com.inboop.codegen.migrate.MigrationObserver;
import com.inboop.codegen.migrate.MigrationRunner;
import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.postgres.EphemeralPostgres;
import com.inboop.codegen.postgres.ThrowawayDatabase;

/** The change report on the project's own history and on constructed breaking changes. */
@ExtendWith(MigratedDatabaseExtension.class)
class SchemaDiffTest {

    private static EphemeralPostgres server;

    @TempDir
    Path work;

    @BeforeAll
    static void useTheSharedPostgres(EphemeralPostgres shared) {
        server = shared;
    }

    private static MigrationRunner runner() {
        return MigrationRunner.withSettings(Fixtures.flywayConf());
    }

    @Test
    void everyMigrationOfTheProjectIsSafeForCompiledConsumers() throws SQLException {
        List<CatalogSnapshot> afterEach = new ArrayList<>();
        List<String> scripts = new ArrayList<>();
        MigrationObserver recorder = new MigrationObserver(Event.AFTER_EACH_MIGRATE) {
            @Override
            public void handle(Event event, Context context) {
                try {
                    afterEach.add(CatalogSnapshot.read(context.getConnection(), "public"));
                    scripts.add(context.getMigrationInfo().getScript());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        try (ThrowawayDatabase database = ThrowawayDatabase.create(server, "inboop_history")) {
            runner().migrate(database.target(), MigrationFiles.in(Fixtures.projectMigrations()), recorder);
        }

        assertThat(afterEach).hasSize(MigrationFiles.in(Fixtures.projectMigrations()).scripts().size());
        for (int i = 1; i < afterEach.size(); i++) {
            assertThat(SchemaDiff.between(afterEach.get(i - 1), afterEach.get(i)))
                    .as(scripts.get(i)).noneMatch(SchemaChange::breaking);
        }
    }

    @Test
    void everythingAfterV001IsSafeAccordingToGit() throws Exception {
        // A repository of its own: a commit holding V001 (production's schema) alone, and the project's migrations
        // in its working tree.
        Path repository = Files.createDirectories(work.resolve("repository"));
        Path migrations = Files.createDirectories(repository.resolve("migrations"));
        git(repository, "init", "-q");
        for (String file : List.of("V001__initial_schema.sql", "beforeEachMigrate.sql", "beforeBaseline.sql")) {
            Files.copy(Fixtures.projectMigrations().resolve(file), migrations.resolve(file));
        }
        git(repository, "add", "migrations");
        git(repository, "-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "V001");
        try (var files = Files.list(Fixtures.projectMigrations())) {
            for (Path file : files.filter(f -> !Files.exists(migrations.resolve(f.getFileName()))).toList()) {
                Files.copy(file, migrations.resolve(file.getFileName()));
            }
        }

        List<SchemaChange> changes = SchemaComparison.compare(new MigrationSource("HEAD"),
                new MigrationSource("worktree"), repository, runner(), server);

        assertThat(changes).isNotEmpty().noneMatch(SchemaChange::breaking);
        assertThat(changes).contains(new SchemaChange("table webhook_logs", "added", false),
                new SchemaChange("column leads.status_enum", "added lead_status", false));
    }

    private static void git(Path repository, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", repository.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
    }

    private List<SchemaChange> afterAdding(String sql) throws IOException {
        Path before = Files.createDirectories(work.resolve("before"));
        Path after = Files.createDirectories(work.resolve("after"));
        Path baseline = Fixtures.fixture("../guard/baseline/V001__initial_schema.sql");
        Files.copy(baseline, before.resolve(baseline.getFileName()));
        Files.copy(baseline, after.resolve(baseline.getFileName()));
        Files.writeString(after.resolve("V002__change.sql"), sql);
        return SchemaComparison.compare(new MigrationSource("dir:" + before), new MigrationSource("dir:" + after),
                work, runner(), server);
    }

    @Test
    void aDroppedColumnIsBreaking() throws IOException {
        assertThat(afterAdding("ALTER TABLE widgets DROP COLUMN size;"))
                .containsExactly(new SchemaChange("column widgets.size", "removed", true));
    }

    @Test
    void aRenamedColumnIsBreaking() throws IOException {
        assertThat(afterAdding("ALTER TABLE widgets RENAME COLUMN label TO title;"))
                .containsExactly(new SchemaChange("column widgets.label", "renamed to title", true));
    }

    @Test
    void aTypeChangeIsBreaking() throws IOException {
        assertThat(afterAdding("ALTER TABLE widgets ALTER COLUMN size TYPE bigint;"))
                .containsExactly(new SchemaChange("column widgets.size", "type integer -> bigint", true));
    }

    @Test
    void aRemovedEnumValueIsBreaking() throws IOException {
        assertThat(afterAdding("""
                ALTER TYPE colour RENAME TO colour_old;
                CREATE TYPE colour AS ENUM ('RED');
                ALTER TABLE widgets ALTER COLUMN colour TYPE colour USING colour::text::colour;
                DROP TYPE colour_old;
                """)).containsExactly(new SchemaChange("enum value colour.GREEN", "removed", true));
    }

    @Test
    void aRenamedTableIsBreakingAndAdditionsAreSafe() throws IOException {
        assertThat(afterAdding("""
                ALTER TABLE teams RENAME TO squads;
                ALTER TABLE widgets ADD COLUMN weight integer;
                ALTER TYPE colour ADD VALUE 'BLUE';
                ALTER TABLE widgets ALTER COLUMN label SET NOT NULL;
                """)).containsExactlyInAnyOrder(
                new SchemaChange("table teams", "renamed to squads", true),
                new SchemaChange("column widgets.weight", "added integer", false),
                new SchemaChange("enum value colour.BLUE", "added", false),
                new SchemaChange("column widgets.label", "nullable -> NOT NULL (narrowed)", true));
    }

    @Test
    void readsTheMigrationsOfAReleasedJar() throws IOException {
        Path jar = work.resolve("inboop-db-0.1.0.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.list(Fixtures.projectMigrations())) {
            for (Path file : files.filter(p -> p.toString().endsWith(".sql") || p.toString().endsWith(".sql.conf"))
                    .sorted().toList()) {
                out.putNextEntry(new JarEntry("inboop/db/migration/" + file.getFileName()));
                try (OutputStream entry = OutputStreamWrapper.of(out)) {
                    entry.write(Files.readAllBytes(file));
                }
                out.closeEntry();
            }
        }

        assertThat(SchemaComparison.compare(new MigrationSource("jar:" + jar), new MigrationSource("worktree"),
                Fixtures.projectMigrations().getParent(), runner(), server)).isEmpty();
    }

    /** Lets a try-with-resources write one entry without closing the jar stream. */
    private static final class OutputStreamWrapper extends java.io.FilterOutputStream {
        private OutputStreamWrapper(OutputStream out) {
            super(out);
        }

        static OutputStream of(OutputStream out) {
            return new OutputStreamWrapper(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    @Test
    void breaksTheCommandUnlessAllowed() throws Exception {
        Path before = Files.createDirectories(work.resolve("cli-before"));
        Path after = Files.createDirectories(work.resolve("cli-after"));
        Path baseline = Fixtures.fixture("../guard/baseline/V001__initial_schema.sql");
        Files.copy(baseline, before.resolve(baseline.getFileName()));
        Files.copy(baseline, after.resolve(baseline.getFileName()));
        Files.writeString(after.resolve("V002__drop_size.sql"), "ALTER TABLE widgets DROP COLUMN size;");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);

        int strict = com.inboop.codegen.cli.CliAccess.run(print, "diff", "dir:" + before, "dir:" + after);
        int allowed = com.inboop.codegen.cli.CliAccess.run(print, "diff", "dir:" + before, "dir:" + after,
                "--allow-breaking", "--format", "json");

        assertThat(strict).isEqualTo(1);
        assertThat(allowed).isZero();
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("BREAKING column widgets.size: removed")
                .contains("schema changes from dir:" + before + " to dir:" + after + ": 1, 1 breaking")
                .contains("\"changes\":[{\"object\":\"column widgets.size\",\"change\":\"removed\",\"breaking\":true}]");
    }
}

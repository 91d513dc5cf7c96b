package com.inboop.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.inboop.codegen.failure.CodegenException;
import com.inboop.codegen.fingerprint.Fingerprint;
import com.inboop.codegen.guard.lock.LockCheck;
import com.inboop.codegen.migrate.MigrationFailedException;
import com.inboop.codegen.postgres.PostgresProcesses;
import com.inboop.codegen.postgres.PostgresProvider;
import com.inboop.codegen.postgres.PostgresSettings;
import com.inboop.codegen.postgres.PostgresUnavailableException;

class SchemaCodegenTest {

    /** Settings under which any attempt to provision Postgres fails at once: proof that a run did not try. */
    /** The embedded provider, as the generating runs use, but unable to start: any attempt fails at once. */
    private static final PostgresSettings NO_POSTGRES = new PostgresSettings(PostgresProvider.EMBEDDED,
            Optional.empty(), "postgres", "", "postgres:17", Path.of("/dev/null/cannot-hold-a-data-directory"));
    /** Another provider: a server, unreachable. */
    private static final PostgresSettings NO_SERVER = new PostgresSettings(PostgresProvider.SERVER,
            Optional.of("jdbc:postgresql://127.0.0.1:1/postgres"), "postgres", "", "unused", Path.of("unused"));

    @TempDir
    Path work;

    private Path migrations;
    private Path output;
    private Path postgresDirectory;
    private SchemaCodegen codegen;

    @BeforeEach
    void copyFixtures() throws IOException {
        migrations = Files.createDirectory(work.resolve("migrations"));
        copy("migrations/good/V001__create_widgets.sql");
        output = work.resolve("target/generated-sources/jooq");
        postgresDirectory = work.resolve("postgres");
        codegen = new SchemaCodegen(migrations, Fixtures.flywayConf(), Fixtures.fixture("jooq-codegen.xml"), output);
    }

    private void copy(String fixture) throws IOException {
        Path source = Fixtures.fixture(fixture);
        Files.copy(source, migrations.resolve(source.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    private SchemaCodegen.Outcome runEmbedded() {
        return codegen.run(false, PostgresProcesses.embeddedIn(postgresDirectory), LockCheck.Mode.RECORD);
    }

    private Path generated(String relative) {
        return output.resolve("com/inboop/codegen/fixture/schema").resolve(relative);
    }

    @Test
    void generatesTablesAndJavaEnumsAndStoresTheFingerprint() {
        SchemaCodegen.Outcome outcome = runEmbedded();

        assertThat(outcome).isInstanceOfSatisfying(SchemaCodegen.Generated.class, generated -> {
            assertThat(generated.migrations()).isEqualTo(1);
            assertThat(generated.tables()).isEqualTo(1);
            assertThat(generated.enums()).isEqualTo(1);
            assertThat(generated.summary()).contains("migrate (1 migrations)", "generate (1 tables, 1 enums)");
        });
        assertThat(generated("tables/Widgets.java")).isRegularFile();
        assertThat(generated("enums/WidgetColour.java")).content().contains("implements EnumType");
        assertThat(Fingerprint.storedIn(output)).isPresent();
    }

    @Test
    void skipsWithoutStartingPostgresWhenNothingChanged() {
        runEmbedded();

        SchemaCodegen.Outcome second = codegen.run(false, NO_POSTGRES, LockCheck.Mode.RECORD);

        assertThat(second).isInstanceOf(SchemaCodegen.UpToDate.class);
        assertThat(second.summary()).startsWith("jOOQ classes up to date with V001 (checked in ");
    }

    @Test
    void regeneratesWhenAMigrationIsAdded() throws IOException {
        runEmbedded();
        Files.writeString(migrations.resolve("V002__create_gadgets.sql"), "CREATE TABLE gadgets (id bigint);\n");

        assertThatThrownBy(() -> codegen.run(false, NO_POSTGRES, LockCheck.Mode.RECORD)).isInstanceOf(PostgresUnavailableException.class);
        SchemaCodegen.Outcome outcome = runEmbedded();

        assertThat(outcome).isInstanceOf(SchemaCodegen.Generated.class);
        assertThat(generated("tables/Gadgets.java")).isRegularFile();
    }

    @Test
    void regeneratesWhenThePostgresProviderChanges() {
        runEmbedded();

        // Another provider may generate differently (another server, another version): the fingerprint says so.
        assertThatThrownBy(() -> codegen.run(false, NO_SERVER, LockCheck.Mode.RECORD))
                .isInstanceOf(PostgresUnavailableException.class);
    }

    @Test
    void writesTheVersionTheServerReportedBesideTheClasses() throws IOException {
        runEmbedded();

        assertThat(Files.readString(output.resolve(SchemaCodegen.SERVER_FILE)).strip())
                .startsWith("embedded PostgreSQL ").doesNotEndWith(".0");
    }

    @Test
    void regeneratesWhenTheJooqConfigurationChanges() throws IOException {
        Path jooqConfig = Files.copy(Fixtures.fixture("jooq-codegen.xml"), work.resolve("jooq-codegen.xml"));
        SchemaCodegen withCopy = new SchemaCodegen(migrations, Fixtures.flywayConf(), jooqConfig, output);
        withCopy.run(false, PostgresProcesses.embeddedIn(postgresDirectory), LockCheck.Mode.RECORD);
        Files.writeString(jooqConfig, Files.readString(jooqConfig).replace("<logging>WARN</logging>",
                "<logging>ERROR</logging>"));

        assertThatThrownBy(() -> withCopy.run(false, NO_POSTGRES, LockCheck.Mode.RECORD))
                .isInstanceOf(PostgresUnavailableException.class);
    }

    @Test
    void anEditedRecordedMigrationFailsBeforeAnyPostgresStarts() throws IOException {
        runEmbedded();
        Files.writeString(migrations.resolve("V001__create_widgets.sql"), "-- edited\n",
                java.nio.file.StandardOpenOption.APPEND);

        assertThatThrownBy(() -> codegen.run(false, NO_POSTGRES, LockCheck.Mode.RECORD))
                .isInstanceOf(com.inboop.codegen.guard.GuardFailedException.class)
                .hasMessageContaining("V001__create_widgets.sql: IB105 error");
    }

    @Test
    void regeneratesWhenTheGeneratedSourcesWereDeleted() {
        runEmbedded();
        com.inboop.codegen.io.Directories.deleteRecursively(output);

        assertThatThrownBy(() -> codegen.run(false, NO_POSTGRES, LockCheck.Mode.RECORD)).isInstanceOf(PostgresUnavailableException.class);
    }

    @Test
    void forceRegeneratesUnchangedInputs() {
        runEmbedded();

        assertThatThrownBy(() -> codegen.run(true, NO_POSTGRES, LockCheck.Mode.RECORD)).isInstanceOf(PostgresUnavailableException.class);
    }

    @Test
    void brokenMigrationFailsWithFileLineAndColumnAndLeavesNothingBehind() throws IOException {
        copy("migrations/broken/V002__add_widget_name.sql");

        assertThatThrownBy(this::runEmbedded)
                .isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                    assertThat(e.script()).contains(migrations.resolve("V002__add_widget_name.sql"));
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.column()).isEqualTo(29);
                })
                .hasMessageContaining("V002__add_widget_name.sql:5:29: migration failed")
                .hasMessageContaining("type \"texxt\" does not exist")
                .hasMessageContaining("SQLSTATE 42704");

        assertThat(PostgresProcesses.using(postgresDirectory)).isEmpty();
        try (Stream<Path> left = Files.list(postgresDirectory)) {
            assertThat(left).isEmpty();
        }
        assertThat(output).doesNotExist();
        if (Files.exists(output.getParent())) {
            try (Stream<Path> siblings = Files.list(output.getParent())) {
                assertThat(siblings).as("staging directories").isEmpty();
            }
        }
    }

    @Test
    void failedRunKeepsThePreviousClassesAndRetriesNextTime() throws IOException {
        runEmbedded();
        copy("migrations/broken/V002__add_widget_name.sql");

        assertThatThrownBy(this::runEmbedded).isInstanceOf(MigrationFailedException.class);

        assertThat(generated("tables/Widgets.java")).isRegularFile();
        assertThatThrownBy(() -> codegen.run(false, NO_POSTGRES, LockCheck.Mode.RECORD)).isInstanceOf(PostgresUnavailableException.class);
    }

    @Test
    void rejectsFolderWithoutMigrations() throws IOException {
        Path empty = Files.createDirectory(work.resolve("empty"));
        SchemaCodegen nothing = new SchemaCodegen(empty, Fixtures.flywayConf(), Fixtures.fixture("jooq-codegen.xml"),
                output);

        assertThatThrownBy(() -> nothing.run(false, NO_POSTGRES, LockCheck.Mode.RECORD))
                .isInstanceOf(CodegenException.class)
                .hasMessageContaining(empty.toAbsolutePath().toString())
                .hasMessageContaining("no V*.sql migration");
    }
}

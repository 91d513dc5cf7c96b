package com.inboop.codegen.guard.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.inboop.codegen.Fixtures;
import com.inboop.codegen.SchemaCodegen;
import com.inboop.codegen.guard.GuardFailedException;
import com.inboop.codegen.guard.GuardReport;
import com.inboop.codegen.guard.MigrationGuard;
import com.inboop.codegen.guard.rule.Rule;
import com.inboop.codegen.guard.rule.Violation;
import com.inboop.codegen.postgres.PostgresProvider;
import com.inboop.codegen.postgres.PostgresSettings;

/** migrations.lock: never edit or delete an applied migration, and CI takes only what was committed. */
class LockCheckTest {

    @TempDir
    Path folder;

    @BeforeEach
    void twoLockedMigrations() throws IOException {
        Files.writeString(folder.resolve("V001__initial_schema.sql"), "CREATE TABLE widgets (id bigint);\n");
        Files.writeString(folder.resolve("V002__add_label_to_widgets.sql"), "ALTER TABLE widgets ADD COLUMN label text;\n");
        LockCheck initial = LockCheck.run(folder, migrations(), LockCheck.Mode.RECORD);
        assertThat(initial.violations()).isEmpty();
        initial.record();
    }

    private List<Path> migrations() throws IOException {
        try (var files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".sql") || p.toString().endsWith(".sql.conf")).sorted()
                    .toList();
        }
    }

    private List<Violation> check(LockCheck.Mode mode) throws IOException {
        return LockCheck.run(folder, migrations(), mode).violations();
    }

    @Test
    void recordsEveryMigrationWithItsHashAndAChainedTotal() throws IOException {
        String lock = Files.readString(folder.resolve(MigrationLock.FILE_NAME));

        assertThat(lock).contains("V001__initial_schema.sql " + MigrationLock.hash(folder.resolve("V001__initial_schema.sql")))
                .containsPattern("(?m)^total [0-9a-f]{64}$");
        assertThat(check(LockCheck.Mode.VERIFY)).isEmpty();
    }

    @Test
    void rejectsAnEditedMigrationNamingBothHashes() throws IOException {
        String locked = MigrationLock.hash(folder.resolve("V002__add_label_to_widgets.sql"));
        Files.writeString(folder.resolve("V002__add_label_to_widgets.sql"), "ALTER TABLE widgets ADD COLUMN name text;\n");
        String now = MigrationLock.hash(folder.resolve("V002__add_label_to_widgets.sql"));

        assertThat(check(LockCheck.Mode.RECORD)).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo(Rule.IB105);
            assertThat(v.file()).isEqualTo("V002__add_label_to_widgets.sql");
            assertThat(v.message()).contains(locked, now);
        });
    }

    @Test
    void rejectsADeletedMigration() throws IOException {
        Files.delete(folder.resolve("V002__add_label_to_widgets.sql"));

        assertThat(check(LockCheck.Mode.RECORD)).extracting(Violation::rule).containsExactly(Rule.IB106);
    }

    @Test
    void recordsANewMigrationLocallyButRejectsItUnderCi() throws IOException {
        Files.writeString(folder.resolve("V003__add_size_to_widgets.sql"), "ALTER TABLE widgets ADD COLUMN size int;\n");

        assertThat(check(LockCheck.Mode.VERIFY)).extracting(Violation::rule).containsExactly(Rule.IB107);
        LockCheck local = LockCheck.run(folder, migrations(), LockCheck.Mode.RECORD);
        assertThat(local.violations()).isEmpty();
        assertThat(local.added()).containsExactly("V003__add_size_to_widgets.sql");
        assertThat(Files.readString(folder.resolve(MigrationLock.FILE_NAME))).as("nothing written before record()")
                .doesNotContain("V003");
        local.record();
        assertThat(check(LockCheck.Mode.VERIFY)).isEmpty();
    }

    @Test
    void rejectsALockWhoseTotalDoesNotAddUp() throws IOException {
        Path lock = folder.resolve(MigrationLock.FILE_NAME);
        Files.writeString(lock, Files.readString(lock).replaceAll("(?m)^total [0-9a-f]{64}$", "total " + "0".repeat(64)));

        assertThat(check(LockCheck.Mode.RECORD)).extracting(Violation::rule).containsExactly(Rule.IB108);
    }

    @Test
    void rejectsALandedMigrationRemovedFromTheLockAndRecordedAgain() throws IOException {
        Path lock = folder.resolve(MigrationLock.FILE_NAME);
        MigrationLock read = MigrationLock.readFrom(folder);
        var reordered = new java.util.LinkedHashMap<String, String>();
        reordered.put("V002__add_label_to_widgets.sql", read.entries().get("V002__add_label_to_widgets.sql"));
        reordered.put("V001__initial_schema.sql", read.entries().get("V001__initial_schema.sql"));
        new MigrationLock(reordered, null).plus(java.util.Map.of()).writeTo(folder);

        assertThat(check(LockCheck.Mode.RECORD)).extracting(Violation::rule).containsExactly(Rule.IB108);
        assertThat(Files.readString(lock)).contains("total");
    }

    @Test
    void theBuildFailsOnAnEditedMigrationSayingWhatToDo() throws IOException {
        Files.writeString(folder.resolve("V001__initial_schema.sql"), "CREATE TABLE gadgets (id bigint);\n");
        SchemaCodegen codegen = new SchemaCodegen(folder, Fixtures.flywayConf(), Fixtures.fixture("jooq-codegen.xml"),
                folder.resolveSibling(folder.getFileName() + "-out"));
        PostgresSettings unused = new PostgresSettings(PostgresProvider.SERVER, Optional.empty(), "postgres", "",
                "unused", Path.of("unused"));

        assertThatThrownBy(() -> codegen.run(false, unused, LockCheck.Mode.VERIFY))
                .isInstanceOf(GuardFailedException.class)
                .hasMessageContaining("V001__initial_schema.sql: IB105 error: V001__initial_schema.sql changed after it was recorded")
                .hasMessageContaining("git checkout origin/main -- migrations/FILE")
                .hasMessageContaining("put the change in a new migration");
    }

    @Test
    void theBuildFailsUnderCiOnAMigrationMissingFromTheLockSayingWhatToDo() throws IOException {
        Files.writeString(folder.resolve("V003__add_size_to_widgets.sql"), "ALTER TABLE widgets ADD COLUMN size int;\n");
        MigrationGuard guard = new MigrationGuard(folder, LockCheck.Mode.VERIFY);

        GuardReport report = guard.checkStatic().report();

        assertThat(report.render(false))
                .contains("V003__add_size_to_widgets.sql: IB107 error: V003__add_size_to_widgets.sql is not in migrations.lock")
                .contains("fix: build locally (./mvnw compile), which appends it, and commit migrations.lock with it");
    }
}

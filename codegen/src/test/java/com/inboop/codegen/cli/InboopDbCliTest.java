package com.inboop.codegen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.inboop.codegen.Fixtures;
import com.inboop.codegen.guard.MigrationGuard;
import com.inboop.codegen.guard.lock.LockCheck;

class InboopDbCliTest {

    @TempDir
    Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return InboopDbCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path fixture(String name) throws Exception {
        Path copy = Files.createDirectories(work.resolve(name.replace('/', '-')));
        for (String folder : java.util.List.of("baseline", name)) {
            try (Stream<Path> files = Files.list(Fixtures.fixture("../guard/" + folder))) {
                for (Path file : files.toList()) {
                    Files.copy(file, copy.resolve(file.getFileName()));
                }
            }
        }
        // As if committed: the check then behaves the same locally and under CI=true.
        new MigrationGuard(copy, LockCheck.Mode.RECORD).checkStatic().recordInLock();
        return copy;
    }

    @Test
    void exitsZeroOnACleanFolder() throws Exception {
        assertThat(run("check", fixture("IB201/good").toString(), "--static-only")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("0 errors");
    }

    @Test
    void exitsOneWithFileLineCodeAndFixOnViolations() throws Exception {
        assertThat(run("check", fixture("IB201/bad").toString(), "--static-only")).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("V002__create_widgets_size_index.sql:1: IB201 error: CREATE INDEX on existing table widgets")
                .contains("    fix: CREATE INDEX CONCURRENTLY");
    }

    @Test
    void printsJsonOnRequest() throws Exception {
        assertThat(run("check", fixture("IB205/bad").toString(), "--static-only", "--format", "json")).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8).strip())
                .startsWith("{\"violations\":[{\"file\":\"V002__add_notes_to_widgets.sql\",\"line\":3,\"code\":\"IB205\","
                        + "\"severity\":\"error\"")
                .contains("\"summary\":{\"migrations\":2,\"errors\":1,\"warnings\":0,\"semantic\":false,"
                        + "\"layers\":\"static only\",\"staticMillis\":")
                .contains("\"semanticMillis\":0,\"notes\":[\"semantic layer not run (--static-only): drops, renames, "
                        + "rewrites, cascades and locks are only seen when the migrations are applied\"]")
                .endsWith("\"semanticFiles\":0,\"semanticOf\":2,\"semanticComplete\":false,\"semanticSkipped\":[]}}");
    }

    @Test
    void neverWritesIntoTheFolderItChecksUnlessToldToRecord() throws Exception {
        Path folder = fixture("IB201/good");
        Path lock = folder.resolve("migrations.lock");
        String committed = Files.readString(lock);
        Files.writeString(folder.resolve("V003__add_notes_to_widgets.sql"), "ALTER TABLE widgets ADD COLUMN notes text;\n");

        // A developer's machine (no CI variable), where the build would record the new migration.
        java.util.Map<String, String> developer = java.util.Map.of();
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        assertThat(InboopDbCli.run(new String[] {"check", folder.toString()}, sink, sink, developer)).isZero();
        assertThat(Files.readString(lock)).as("check alone leaves the lock as committed").isEqualTo(committed);

        assertThat(InboopDbCli.run(new String[] {"check", folder.toString(), "--record"}, sink, sink, developer))
                .isZero();
        assertThat(Files.readString(lock)).contains("V003__add_notes_to_widgets.sql");

        assertThat(InboopDbCli.run(new String[] {"check", folder.toString(), "--record"}, sink, sink,
                java.util.Map.of("CI", "true"))).as("CI checks the lock it was given").isEqualTo(2);
    }

    @Test
    void checksSomeoneElsesFolderWithFlywayNamesAndNoLockWithoutWritingALock() throws Exception {
        Path folder = Files.createDirectories(work.resolve("theirs"));
        Files.copy(Fixtures.fixture("../guard/baseline/V001__initial_schema.sql"), folder.resolve("V1__Init.sql"));
        Files.writeString(folder.resolve("V1.1__Drop_Size.sql"), "ALTER TABLE widgets DROP COLUMN size;\n");

        assertThat(run("check", folder.toString(), "--naming", "flyway")).isEqualTo(1);

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("V1.1__Drop_Size.sql: IB302 error: column widgets.size was dropped")
                .doesNotContain("IB101").doesNotContain("IB107")
                .contains("note: no migrations.lock in " + folder)
                .contains("layers: static+semantic");
        assertThat(folder.resolve("migrations.lock")).doesNotExist();
    }

    @Test
    void printsJsonWhenAMigrationFailsToApply() throws Exception {
        assertThat(run("check", fixture("IB316/bad").toString(), "--format", "json")).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8).strip()).startsWith("{\"violations\":[{\"file\":"
                + "\"V002__add_weight_to_widgets.sql\",\"line\":2,\"code\":\"IB316\"").endsWith("]}}");
    }

    @Test
    void diffOfAMigrationThatDoesNotApplyNamesItWhereItIsAndIsNoBreakingChange() throws Exception {
        Path from = fixture("IB201/good");
        Path to = fixture("IB316/bad");

        int status = run("diff", "dir:" + from, "dir:" + to);

        assertThat(status).as("2: no comparison possible; 1 would claim a breaking change").isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("The migrations of dir:" + to + " do not apply")
                .contains(to.resolve("V002__add_weight_to_widgets.sql") + ":2: migration failed")
                .contains("relation \"makers\" does not exist")
                .doesNotContain("inboop-diff-");
    }

    @Test
    void exitsTwoOnUsageErrorsSayingWhatIsWrong() {
        assertThat(run("lint", "migrations")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'lint'; the commands are check, diff and align")
                .contains("usage:");

        err.reset();
        assertThat(run("check", work.resolve("missing").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing is not a folder");

        err.reset();
        assertThat(run("check", work.toString(), "--format", "xml")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--format takes text or json, not 'xml'");

        err.reset();
        assertThat(run("diff", "main", "worktree", "--format", "xml")).as("rejected before any Postgres starts")
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--format takes text or json, not 'xml'");
    }

    /** A named pipe once hung check for good: reading one blocks until someone writes. */
    @Test
    @org.junit.jupiter.api.Timeout(value = 60, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void aFolderEntryThatIsNotARegularFileIsAFindingAndIsNeverOpened() throws Exception {
        Path folder = fixture("IB201/good");
        Path pipe = folder.resolve("V004__pipe.sql");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
        Files.createSymbolicLink(folder.resolve("V005__nowhere.sql"), folder.resolve("missing.sql"));

        assertThat(run("check", folder.toString())).isEqualTo(1);

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("V004__pipe.sql: IB103").contains("'V004__pipe.sql' is not a regular file")
                .contains("V005__nowhere.sql: IB103")
                .contains("semantic layer not run: V004__pipe.sql is not a regular file")
                .contains("layers: static only");
    }

    /** A history kept in a schema of its own by its Flyway settings, and one whose placeholders they fill. */
    @Test
    void takesFlywaySettingsFromBesideTheFolderAndNamesSchemasAndSkippedFiles() throws Exception {
        Path project = Files.createDirectories(work.resolve("project"));
        Path folder = Files.createDirectories(project.resolve("migrations"));
        Files.writeString(folder.resolve("V1__create_orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY, "
                + "note text);\n");
        Files.writeString(folder.resolve("V2__drop_note.sql"), "ALTER TABLE orders DROP COLUMN note;\n");
        Files.writeString(folder.resolve("V3__create_gadgets.sql"), "-- made by the shop\n"
                + "CREATE TABLE gadgets (id bigint, owner text DEFAULT '${owner}');\n");
        Files.writeString(folder.resolve("R__seed.sql"), "INSERT INTO orders (id) VALUES (${seedId});\n");

        assertThat(run("check", folder.toString(), "--naming", "flyway")).isEqualTo(1);
        String bare = out.toString(StandardCharsets.UTF_8);
        assertThat(bare).contains("V3__create_gadgets.sql:2: IB316").contains("placeholder ${owner} has no value")
                .contains("R__seed.sql:1: IB316").contains("column orders.note was dropped")
                .contains("semantic: 2 of 4 files; skipped: R__seed.sql (placeholder ${seedId} has no value), "
                        + "V3__create_gadgets.sql (placeholder ${owner} has no value)")
                .contains("layers: static+semantic on 2 of 4 files");

        out.reset();
        Files.writeString(project.resolve("flyway.toml"), """
                [environments.default]
                url = "jdbc:postgresql://elsewhere/app"   # not this tool's business

                [flyway]
                schemas = ["app"]

                [flyway.placeholders]
                owner = "shop"
                seedId = "1"
                """);
        assertThat(run("check", folder.toString(), "--naming", "flyway", "--format", "json")).isEqualTo(1);
        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(json).contains("column app.orders.note was dropped").doesNotContain("IB316")
                .contains("\"layers\":\"static+semantic\"").contains("\"semanticFiles\":4")
                .contains("\"semanticOf\":4").contains("\"semanticComplete\":true");
    }

    @Test
    void everyCommandRefusesUnknownRepeatedAndValuelessOptionsBeforeAnythingStarts() {
        String folder = work.toString();
        String[][] lines = {
            {"check", folder, "--static-only", "--static-only"},
            {"check", folder, "--format", "json", "--format=text"},
            {"check", folder, "--naming"},
            {"check", folder, "--lock"},
            {"check", folder, folder},
            {"diff", "main", "worktree", "--repo", ".", "--repo", "."},
            {"diff", "main", "worktree", "HEAD"},
            {"diff", "main", "worktree", "--allow-breaking=yes"},
            {"align", "--url", "jdbc:postgresql://localhost:1/x", "--url", "jdbc:postgresql://localhost:1/x"},
            {"align", "--migrations"},
            {"align", "--password", "hunter2", "--url", "jdbc:postgresql://localhost:1/x"},
            {"align", "--url", "jdbc:postgresql://localhost:1/x?password=hunter2"},
        };
        for (String[] line : lines) {
            err.reset();
            assertThat(run(line)).as(String.join(" ", line)).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).as(String.join(" ", line)).startsWith("inboop-db: ")
                    .contains("usage:").doesNotContain("hunter2").doesNotContain("Exception");
        }
    }

    @Test
    void everyCommandAnswersHelpWithItsOwnUsage() {
        assertThat(run("check", "--help")).isZero();
        assertThat(run("diff", "--help")).isZero();
        assertThat(run("align", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("check DIR").contains("diff FROM TO")
                .contains("align (--url URL").contains("--password-file").doesNotContain("--password P");
    }

    @Test
    void namesAMigrationThatIsNotUtf8AndSaysHowToFixIt() throws Exception {
        Path folder = java.nio.file.Files.createDirectories(work.resolve("latin1"));
        // "é" in ISO-8859-1: one byte that is not UTF-8.
        java.nio.file.Files.write(folder.resolve("V001__caf\u00e9_notes.sql".replace("\u00e9", "e")),
                "-- caf\u00e9\nCREATE TABLE notes (id int);\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertThat(run("check", folder.toString(), "--static-only")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("V001__cafe_notes.sql is not valid UTF-8")
                .contains("save the file as UTF-8").doesNotStartWith("Input length");
    }
}

package com.inboop.db.breakage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import com.inboop.codegen.junit.Slow;

/**
 * The reason this module generates code: a migration that removes a column the query layer uses fails the build
 * at compile time, naming the vanished generated field, while an additive migration builds with the query layer
 * untouched. Each case builds a copy of the project (main sources only, offline, tests skipped) the way a
 * developer would, up to {@code compile}: the phases that generate and compile the classes. Later phases would run
 * plugins (javadoc, sources, jar) whose dependencies the outer build may not have downloaded yet when its tests run,
 * and an offline build cannot fetch them: on a machine that never built the project, this test would fail there.
 */
@Slow
class CompileTimeBreakageTest {

    private static final Path PROJECT = Path.of(System.getProperty("inboop.project.dir"));

    @TempDir
    Path copy;

    @Test
    void droppingAColumnTheQueryLayerUsesFailsCompilationNamingTheField() throws Exception {
        copyProject();
        Files.writeString(copy.resolve("migrations/" + nextVersion() + "__drop_intent_confidence_from_conversations.sql"), """
                -- inboop:approve IB302 test of the compile-time check: the query layer reads this column
                ALTER TABLE conversations DROP COLUMN intent_confidence;
                """);

        Build build = build();

        assertThat(build.exitCode()).as(build.output()).isNotZero();
        assertThat(build.output()).contains("COMPILATION ERROR").contains("InboxQuery.java")
                .contains("symbol:   variable INTENT_CONFIDENCE");
    }

    @Test
    void anAdditiveMigrationBuildsWithTheQueryLayerUntouched() throws Exception {
        copyProject();
        Files.writeString(copy.resolve("migrations/" + nextVersion() + "__add_notes_to_conversations.sql"),
                "ALTER TABLE conversations ADD COLUMN IF NOT EXISTS notes text;\n");

        Build build = build();

        assertThat(build.exitCode()).as(build.output()).isZero();
        assertThat(copy.resolve("db/target/generated-sources/jooq/com/inboop/db/schema/tables/Conversations.java"))
                .content().contains("public final TableField<ConversationsRecord, String> NOTES");
        assertThat(Files.readString(copy.resolve("migrations/migrations.lock")))
                .contains(nextVersion() + "__add_notes_to_conversations.sql");
    }

    /** The version after the project's newest migration, e.g. V029. */
    private static String nextVersion() throws java.io.IOException {
        try (var files = Files.list(PROJECT.resolve("migrations"))) {
            long versions = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
            return String.format("V%03d", versions + 1);
        }
    }

    private record Build(int exitCode, String output) {
    }

    private Build build() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("./mvnw", "-B", "-o", "-q", "-Dmaven.test.skip=true",
                "-Dmaven.repo.local=" + System.getProperty("inboop.maven.repo.local"), "compile")
                .directory(copy.toFile())
                .redirectErrorStream(true);
        // A developer's build: the new migration may be recorded in migrations.lock.
        builder.environment().remove("CI");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the build of the copy did not finish in 5 minutes:\n" + output);
        }
        return new Build(process.exitValue(), output);
    }

    /** The build's own files: poms, wrapper, main sources, migrations; no tests, no build output. */
    private void copyProject() throws IOException {
        for (String path : List.of("pom.xml", "mvnw", ".mvn", "migrations", "codegen/pom.xml", "codegen/src/main",
                "db/pom.xml", "db/src/main")) {
            Path source = PROJECT.resolve(path);
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path target = copy.resolve(PROJECT.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
        // The copy is codegen and db alone: the parent's other modules (the starter, the Spring Boot test builds, with
        // plugins of Spring Boot's versions that an offline build may not have yet) are left out of it.
        Path parent = copy.resolve("pom.xml");
        String pom = Files.readString(parent);
        String modules = pom.substring(pom.indexOf("<modules>"), pom.indexOf("</modules>"));
        Files.writeString(parent, pom.replace(modules,
                "<modules>\n    <module>codegen</module>\n    <module>db</module>\n  "));
    }
}

package com.inboop.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.inboop.codegen.guard.MigrationGuard;
import com.inboop.codegen.guard.lock.LockCheck;

/** The codegen step as the db module's build calls it: what a failed build shows. */
class CodegenCommandTest {

    @Test
    void aFailedBuildEndsWithTheMessageAloneNotAHundredLinesOfFrames(@TempDir Path work) throws IOException {
        Path migrations = Files.createDirectories(work.resolve("migrations"));
        try (Stream<Path> files = Files.list(Fixtures.fixture("migrations/broken"))) {
            for (Path file : files.toList()) {
                Files.copy(file, migrations.resolve(file.getFileName()));
            }
        }
        // As if committed, so that the run behaves the same with and without CI=true.
        new MigrationGuard(migrations, LockCheck.Mode.RECORD).checkStatic().recordInLock();
        String[] args = arguments(migrations, work);

        assertThatThrownBy(() -> CodegenCommand.main(args))
                .isInstanceOfSatisfying(BuildFailedException.class, e -> {
                    assertThat(e.getStackTrace()).as("frames Maven would print").isEmpty();
                    assertThat(e.getCause()).as("a cause Maven would print after the message").isNull();
                    assertThat(e.getMessage().lines().count()).isLessThan(6);
                })
                .hasMessageContaining(migrations.resolve("V002__add_widget_name.sql") + ":")
                .hasMessageContaining("migration failed");
    }

    @Test
    void aMigrationThatCannotBeReadIsTheBuildsOneMessageNotAnUncheckedIOException(@TempDir Path work)
            throws IOException {
        Path migrations = Files.createDirectories(work.resolve("migrations"));
        Path latin1 = Files.write(migrations.resolve("V001__create_widgets.sql"),
                "-- caf\u00e9\nCREATE TABLE widgets (id bigint);\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        String[] args = arguments(migrations, work);

        assertThatThrownBy(() -> CodegenCommand.main(args))
                .isInstanceOfSatisfying(BuildFailedException.class, e -> {
                    assertThat(e.getStackTrace()).as("frames Maven would print").isEmpty();
                    assertThat(e.getCause()).as("a cause Maven would print after the message").isNull();
                })
                .hasMessageStartingWith(latin1.toAbsolutePath() + " is not valid UTF-8")
                .hasMessageEndingWith("save the file as UTF-8.");
    }

    /** The build's command line for {@code migrations}, generating into {@code work}. */
    private static String[] arguments(Path migrations, Path work) {
        return new String[] {"--migrations", migrations.toString(), "--flyway-config", Fixtures.flywayConf().toString(),
            "--jooq-config", Fixtures.fixture("jooq-codegen.xml").toString(), "--output", work.resolve("jooq").toString()};
    }
}

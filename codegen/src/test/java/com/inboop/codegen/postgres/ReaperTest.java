package com.inboop.codegen.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watchdog on its own: what it removes once its owner lets go, and what it leaves until then. */
class ReaperTest {

    @Test
    void removesTheDirectoryAndItsOwnerFileOnlyOnceItsOwnerLetsGo(@TempDir Path parent) throws Exception {
        Path data = Files.createDirectory(parent.resolve("inboop-pg-1"));
        Path owner = Files.writeString(parent.resolve("inboop-pg-1.owner"), "1\n");
        Files.writeString(data.resolve("PG_VERSION"), "17\n");

        Reaper reaper = Reaper.watch(data, owner);
        assertThat(data).as("while its owner holds on").isDirectory();
        assertThat(owner).exists();

        reaper.close();
        assertThat(data).doesNotExist();
        assertThat(owner).doesNotExist();
    }

    @Test
    void stopsWhateverStillWritesIntoTheDirectoryBeforeRemovingIt(@TempDir Path parent) throws Exception {
        Path data = Files.createDirectory(parent.resolve("inboop-pg-2"));
        Path owner = Files.writeString(parent.resolve("inboop-pg-2.owner"), "1\n");
        // A copy into the directory still under way when its JVM died (cp of the template, initdb): it would fill the
        // directory again while it is removed, unless it is stopped first.
        Process writer = new ProcessBuilder("sh", "-c", "mkdir -p \"$0\"; while :; do touch \"$0/f$$-$(date +%N)\"; done",
                data.resolve("base").toString()).start();
        Reaper reaper = Reaper.watch(data, owner);

        reaper.close();

        assertThat(writer.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).as("the writer was stopped").isTrue();
        assertThat(data).doesNotExist();
        assertThat(owner).doesNotExist();
    }
}

package com.inboop.codegen.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import com.inboop.codegen.failure.CodegenException;

/** Removes the directories the helper creates: Postgres data directories and staging folders for generated code. */
public final class Directories {

    private Directories() {
    }

    public static void deleteRecursively(Path directory) {
        // A few attempts: another thread or process (an embedded server's own shutdown) may be removing files of the
        // same tree at the same moment, which makes a walk trip over entries that vanish under it.
        for (int attempt = 1; Files.exists(directory, java.nio.file.LinkOption.NOFOLLOW_LINKS); attempt++) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException | UncheckedIOException e) {
                if (attempt >= 3) {
                    throw CodegenException.io("Could not delete " + directory + "; remove it by hand",
                            e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
                }
            }
        }
    }
}

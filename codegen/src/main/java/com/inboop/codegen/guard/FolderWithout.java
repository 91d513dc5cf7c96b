package com.inboop.codegen.guard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.inboop.codegen.failure.CodegenException;
import com.inboop.codegen.io.Directories;

/**
 * A migrations folder as Flyway should read it with some files set aside: the folder itself when none is, else a
 * temporary copy of its regular files without them, deleted on {@link #close()}. Flyway reads a
 * {@code filesystem:} location whole, so leaving a file out takes a folder without it.
 *
 * @param directory the folder to hand to Flyway
 * @param temporary whether it is a copy this object deletes
 */
record FolderWithout(Path directory, boolean temporary) implements AutoCloseable {

    static FolderWithout of(Path folder, Set<String> setAside) {
        if (setAside.isEmpty()) {
            return new FolderWithout(folder, false);
        }
        Path copy = null;
        try (Stream<Path> entries = Files.list(folder)) {
            List<Path> kept = entries.filter(Files::isRegularFile)
                    .filter(p -> !setAside.contains(p.getFileName().toString())).toList();
            copy = Files.createTempDirectory("inboop-guard-");
            for (Path file : kept) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
            return new FolderWithout(copy, true);
        } catch (IOException e) {
            if (copy != null) {
                Directories.deleteRecursively(copy);
            }
            throw CodegenException.io("Cannot copy " + folder.toAbsolutePath() + " without " + setAside
                    + " for the semantic layer", e);
        }
    }

    @Override
    public void close() {
        if (temporary) {
            Directories.deleteRecursively(directory);
        }
    }
}

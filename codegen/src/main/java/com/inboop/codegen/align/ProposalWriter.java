package com.inboop.codegen.align;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.inboop.codegen.failure.CodegenException;

/**
 * Writes proposed migrations into a folder that Flyway does not read (by default {@code proposed-migrations/} next
 * to {@code migrations/}, not inside it: Flyway reads a filesystem location's subfolders too). Earlier proposals
 * there (files that start with {@link Alignment#MARKER}) are replaced, nothing else is touched; each file appears
 * whole or not at all.
 */
public final class ProposalWriter {

    private ProposalWriter() {
    }

    /** Writes {@code proposals} as versions {@code firstVersion}, {@code firstVersion + 1}, ...; returns the files. */
    public static List<Path> write(List<ProposedMigration> proposals, int firstVersion, Path folder) {
        try {
            Files.createDirectories(folder);
            try (Stream<Path> stale = Files.list(folder)) {
                for (Path file : stale.filter(ProposalWriter::isEarlierProposal).toList()) {
                    Files.delete(file);
                    Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".conf"));
                }
            }
            List<Path> written = new ArrayList<>();
            int version = firstVersion;
            for (ProposedMigration proposal : proposals) {
                String name = proposal.fileName(version++);
                written.add(writeWhole(folder.resolve(name), proposal.sql()));
                if (proposal.conf().isPresent()) {
                    written.add(writeWhole(folder.resolve(name + ".conf"), proposal.conf().get()));
                }
            }
            return written;
        } catch (IOException e) {
            throw CodegenException.io("Cannot write proposals to " + folder.toAbsolutePath(), e);
        }
    }

    /** A file this writer made before: never anything else, even if someone points it at migrations/. */
    private static boolean isEarlierProposal(Path file) {
        if (!file.getFileName().toString().matches("V\\d+__.*\\.sql")) {
            return false;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).startsWith(Alignment.MARKER);
        } catch (IOException e) {
            throw CodegenException.io("Cannot read " + file, e);
        }
    }

    private static Path writeWhole(Path file, String content) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), ".proposal", ".tmp");
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return file;
    }
}

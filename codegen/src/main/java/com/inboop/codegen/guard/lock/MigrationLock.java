package com.inboop.codegen.guard.lock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.inboop.codegen.failure.CodegenException;

/**
 * {@code migrations/migrations.lock}: one line per landed migration file with its SHA-256, and a first line with
 * the chain over all of them (like Atlas's {@code atlas.sum}). Because every new migration changes that first line,
 * two branches that each add one conflict in git instead of merging silently.
 *
 * <pre>
 * # header comments
 * total 9f2c...              sha256 chained over the lines below, in order
 * V001__initial_schema.sql 1a2b...
 * V002__create_lead_status_enum.sql 3c4d...
 * </pre>
 *
 * @param entries file name to SHA-256, in lock order
 * @param total   the total line as written, null if absent
 */
public record MigrationLock(Map<String, String> entries, String total) {

    public static final String FILE_NAME = "migrations.lock";

    private static final String HEADER = """
            # migrations.lock: the SHA-256 of every migration that has landed, written by the build. Commit it with
            # your migration. Never edit it by hand: an edited or deleted migration fails the build (IB105, IB106).
            # A merge conflict on the total line means another branch added a migration: renumber yours.
            """;

    /** The lock in {@code directory}, or an empty one if there is no lock file yet. */
    public static MigrationLock readFrom(Path directory) {
        List<String> lines;
        try {
            lines = Files.readAllLines(directory.resolve(FILE_NAME), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new MigrationLock(Map.of(), null);
        } catch (IOException e) {
            throw CodegenException.io("Cannot read " + directory.resolve(FILE_NAME), e);
        }
        Map<String, String> entries = new LinkedHashMap<>();
        String total = null;
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+");
            if (parts.length == 2 && parts[0].equals("total")) {
                total = parts[1];
            } else if (parts.length == 2) {
                entries.put(parts[0], parts[1]);
            } else {
                entries.put(trimmed, "");
            }
        }
        return new MigrationLock(entries, total);
    }

    /** True if no lock file existed. */
    public boolean isEmpty() {
        return entries.isEmpty() && total == null;
    }

    /** The chain over the entries, as the total line should read. */
    public String computedTotal() {
        return chain(entries);
    }

    /** This lock plus {@code added} (name to hash) at the end. */
    public MigrationLock plus(Map<String, String> added) {
        Map<String, String> all = new LinkedHashMap<>(entries);
        all.putAll(added);
        return new MigrationLock(all, chain(all));
    }

    /** Writes this lock to {@code directory} atomically: readers see the old file or the new one, never half. */
    public void writeTo(Path directory) {
        StringBuilder text = new StringBuilder(HEADER).append("total ").append(chain(entries)).append('\n');
        entries.forEach((name, hash) -> text.append(name).append(' ').append(hash).append('\n'));
        Path target = directory.resolve(FILE_NAME);
        try {
            Path temporary = Files.createTempFile(directory, FILE_NAME, ".tmp");
            try {
                Files.writeString(temporary, text, StandardCharsets.UTF_8);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw CodegenException.io("Cannot write " + target, e);
        }
    }

    /** SHA-256 of a file, lower-case hex. */
    public static String hash(Path file) {
        try {
            return HexFormat.of().formatHex(digest().digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw CodegenException.io("Cannot read " + file.toAbsolutePath(), e);
        }
    }

    private static String chain(Map<String, String> entries) {
        byte[] chained = new byte[0];
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            MessageDigest digest = digest();
            digest.update(chained);
            digest.update((entry.getKey() + " " + entry.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
            chained = digest.digest();
        }
        return HexFormat.of().formatHex(chained);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** The names in this lock, in order. */
    public List<String> names() {
        return new ArrayList<>(entries.keySet());
    }
}

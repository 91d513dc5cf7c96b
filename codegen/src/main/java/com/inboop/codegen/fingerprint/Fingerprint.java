package com.inboop.codegen.fingerprint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.inboop.codegen.failure.CodegenException;

/**
 * SHA-256 over everything that determines the generated classes: the migration files (names and bytes), the jOOQ
 * and Flyway configuration files, and the tool versions. Stored in a file inside the generated sources, so deleting
 * those also forgets the fingerprint.
 *
 * @param sha256 lower-case hex digest
 */
public record Fingerprint(String sha256) {

    /** The file name inside the output directory. */
    public static final String FILE_NAME = ".inboop-codegen.sha256";

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public Fingerprint {
        if (!HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("Not a SHA-256 hex digest: '" + sha256 + "'");
        }
    }

    /**
     * Digests {@code files} in the given order (each contributes its name and content) and the {@code toolchain}
     * description.
     */
    public static Fingerprint of(List<Path> files, String toolchain) {
        MessageDigest digest = newDigest();
        digest.update(toolchain.getBytes(StandardCharsets.UTF_8));
        for (Path file : files) {
            // Length-prefix every part so that no two different inputs produce the same byte stream.
            update(digest, file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            try {
                update(digest, Files.readAllBytes(file));
            } catch (IOException e) {
                throw CodegenException.io("Cannot read " + file.toAbsolutePath() + " for the codegen fingerprint", e);
            }
        }
        return new Fingerprint(HexFormat.of().formatHex(digest.digest()));
    }

    /** The fingerprint stored in {@code directory}, if there is a readable one. */
    public static Optional<Fingerprint> storedIn(Path directory) {
        try {
            String content = Files.readString(directory.resolve(FILE_NAME), StandardCharsets.UTF_8).strip();
            return HEX.matcher(content).matches() ? Optional.of(new Fingerprint(content)) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw CodegenException.io("Cannot read " + directory.resolve(FILE_NAME)
                    + "; delete it to force code generation", e);
        }
    }

    /** Writes this fingerprint into {@code directory}. */
    public void storeIn(Path directory) throws IOException {
        Files.writeString(directory.resolve(FILE_NAME), sha256 + "\n", StandardCharsets.UTF_8);
    }

    private static void update(MessageDigest digest, byte[] bytes) {
        digest.update(Long.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}

package com.inboop.codegen.toolchain;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;
import java.util.stream.Stream;

import com.inboop.codegen.failure.CodegenException;

/**
 * Versions of the tools that shape the generated code (jOOQ, Flyway, the embedded PostgreSQL, this helper), as the
 * parent POM pinned them when this helper was built.
 */
public record Toolchain(String codegenVersion, String jooqVersion, String flywayVersion, String postgresVersion,
                        String postgresImage) {

    private static final String RESOURCE = "toolchain.properties";

    /** Reads the versions that Maven filtered into this helper's jar. */
    public static Toolchain current() {
        Properties properties = new Properties();
        try (InputStream in = Toolchain.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new CodegenException("The build helper's jar lacks com/inboop/codegen/toolchain/" + RESOURCE
                        + ". Rebuild it with ./mvnw install -pl codegen.");
            }
            properties.load(in);
        } catch (IOException e) {
            throw CodegenException.io("Cannot read com/inboop/codegen/toolchain/" + RESOURCE, e);
        }
        return new Toolchain(properties.getProperty("codegen.version"), properties.getProperty("jooq.version"),
                properties.getProperty("flyway.version"), properties.getProperty("postgres.binaries.version"),
                properties.getProperty("postgres.image"));
    }

    /**
     * One line that changes whenever any of the versions does, or the helper's own code: a SNAPSHOT helper that
     * generates differently must not be mistaken for the one that generated the current classes.
     */
    public String describe() {
        return "codegen=" + codegenVersion + " jooq=" + jooqVersion + " flyway=" + flywayVersion
                + " postgres=" + postgresVersion + " helper=" + helperDigest();
    }

    /** SHA-256 of the helper's jar, or of its class files when it runs from a build directory. */
    private static String helperDigest() {
        try {
            Path location = Path.of(Toolchain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            if (Files.isRegularFile(location)) {
                digest.update(Files.readAllBytes(location));
            } else {
                try (Stream<Path> files = Files.walk(location)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        digest.update(location.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                        digest.update(Files.readAllBytes(file));
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            // Not "unknown": a fingerprint without the helper's code would take a changed helper's classes for current.
            throw CodegenException.io("Cannot read the build helper's own code for the codegen fingerprint; the "
                    + "helper must be readable where Maven put it (rebuild it with ./mvnw install -pl codegen)", e);
        } catch (URISyntaxException | NoSuchAlgorithmException | IllegalArgumentException | SecurityException e) {
            throw new CodegenException("Cannot locate the build helper's own code for the codegen fingerprint ("
                    + e.getMessage() + "); run the helper from its jar or its build folder, as Maven does", e);
        }
    }
}

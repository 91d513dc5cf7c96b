package com.inboop.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

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
                throw new CodegenException("The build helper's jar lacks com/inboop/codegen/" + RESOURCE
                        + ". Rebuild it with ./mvnw install -pl codegen.");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read com/inboop/codegen/" + RESOURCE, e);
        }
        return new Toolchain(properties.getProperty("codegen.version"), properties.getProperty("jooq.version"),
                properties.getProperty("flyway.version"), properties.getProperty("postgres.binaries.version"),
                properties.getProperty("postgres.image"));
    }

    /** One line that changes whenever any of the versions does. */
    public String describe() {
        return "codegen=" + codegenVersion + " jooq=" + jooqVersion + " flyway=" + flywayVersion
                + " postgres=" + postgresVersion;
    }
}

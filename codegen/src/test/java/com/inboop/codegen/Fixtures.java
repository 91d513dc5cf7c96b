package com.inboop.codegen;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Objects;

import com.inboop.codegen.junit.MigratedDatabaseExtension;

/** Paths of the test fixtures next to these tests, and of the real Flyway settings the build uses. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A file or folder under {@code src/test/resources/fixtures}. */
    public static Path fixture(String relative) {
        URL url = Objects.requireNonNull(Fixtures.class.getResource("/fixtures/" + relative), relative);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** db's flyway.conf, as Surefire passes it. */
    public static Path flywayConf() {
        return Path.of(System.getProperty(MigratedDatabaseExtension.FLYWAY_CONF));
    }

    /** The project's real migrations folder, as Surefire passes it. */
    public static Path projectMigrations() {
        return Path.of(System.getProperty(MigratedDatabaseExtension.MIGRATIONS));
    }
}

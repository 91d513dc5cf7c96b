package com.inboop.codegen.postgres;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The provider choice and its parameters, as the build and the tests read them from {@code -D} properties and the
 * standard {@code PG*} environment variables. Immutable; blank values count as absent.
 *
 * @param provider      which {@link PostgresProvider} to use ({@code -Dinboop.postgres}, default embedded)
 * @param serverUrl     {@code server} only: the maintenance database's JDBC URL, never migrated
 * @param user          {@code server} only: role that may {@code CREATE DATABASE}
 * @param password      {@code server} only
 * @param image         {@code container} only: the pinned image, e.g. {@code postgres:17.6}
 * @param embeddedDirectory {@code embedded} only: where data directories go (default: the JVM's temp directory)
 */
public record PostgresSettings(PostgresProvider provider, Optional<String> serverUrl, String user, String password,
                               String image, Path embeddedDirectory) {

    public static final String PROVIDER = "inboop.postgres";
    public static final String URL = "inboop.postgres.url";
    public static final String USER = "inboop.postgres.user";
    public static final String PASSWORD = "inboop.postgres.password";
    public static final String IMAGE = "inboop.postgres.image";
    public static final String EMBEDDED_DIRECTORY = "inboop.postgres.embedded.dir";

    /** Reads the settings of this JVM: its system properties and environment. */
    public static PostgresSettings fromEnvironment(String defaultImage) {
        return from(System.getProperties(), System.getenv(), defaultImage);
    }

    /** Reads the settings from the given properties, falling back to {@code PGHOST}, {@code PGPORT} and friends. */
    public static PostgresSettings from(Properties properties, Map<String, String> env, String defaultImage) {
        PostgresProvider provider = value(properties.getProperty(PROVIDER))
                .map(PostgresSettings::parseProvider)
                .orElse(PostgresProvider.EMBEDDED);
        Optional<String> url = value(properties.getProperty(URL)).or(() -> value(env.get("PGHOST"))
                .map(host -> "jdbc:postgresql://" + host + ":" + value(env.get("PGPORT")).orElse("5432") + "/"
                        + value(env.get("PGDATABASE")).orElse("postgres")));
        String user = value(properties.getProperty(USER)).or(() -> value(env.get("PGUSER"))).orElse("postgres");
        String password = value(properties.getProperty(PASSWORD)).or(() -> value(env.get("PGPASSWORD"))).orElse("");
        String image = value(properties.getProperty(IMAGE)).orElse(defaultImage);
        Path directory = Path.of(value(properties.getProperty(EMBEDDED_DIRECTORY))
                .orElse(System.getProperty("java.io.tmpdir")));
        return new PostgresSettings(provider, url, user, password, image, directory);
    }

    /** Provisions a server with these settings; the caller closes it. */
    public EphemeralPostgres start() {
        return provider.start(this);
    }

    /**
     * Removes what killed runs of this provider left behind, without starting anything: for a build that needs no
     * server this time.
     *
     * @return one line per leftover removed
     */
    public List<String> removeLeftovers() {
        return provider.removeLeftovers(this);
    }

    private static PostgresProvider parseProvider(String raw) {
        try {
            return PostgresProvider.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-D" + PROVIDER + "=" + raw + " is not a provider. Use one of "
                    + "embedded (default: bundled binaries), server (an existing server: also -D" + URL + ", -D"
                    + USER + ", -D" + PASSWORD + ") or container (Testcontainers, needs Docker).", e);
        }
    }

    private static Optional<String> value(String raw) {
        return Optional.ofNullable(raw).map(String::trim).filter(s -> !s.isEmpty());
    }

    /**
     * The settings that decide which server the build generates on, for the codegen fingerprint: the provider and,
     * as it applies, the server URL and user or the image. Never the password.
     */
    public String describe() {
        return switch (provider) {
            case SERVER -> "postgres-provider=server url=" + serverUrl.orElse("") + " user=" + user;
            case CONTAINER -> "postgres-provider=container image=" + image;
            case EMBEDDED -> "postgres-provider=embedded";
        };
    }
}

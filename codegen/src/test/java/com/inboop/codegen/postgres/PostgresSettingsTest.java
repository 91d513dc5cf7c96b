package com.inboop.codegen.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class PostgresSettingsTest {

    private static Properties properties(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    @Test
    void defaultsToEmbeddedWithThePinnedImage() {
        PostgresSettings settings = PostgresSettings.from(properties(), Map.of(), "postgres:17.6");

        assertThat(settings.provider()).isEqualTo(PostgresProvider.EMBEDDED);
        assertThat(settings.image()).isEqualTo("postgres:17.6");
        assertThat(settings.serverUrl()).isEmpty();
    }

    @Test
    void readsServerFromPropertiesBeforeEnvironment() {
        PostgresSettings settings = PostgresSettings.from(
                properties("inboop.postgres", "Server", "inboop.postgres.url", "jdbc:postgresql://db:5433/admin",
                        "inboop.postgres.user", "builder"),
                Map.of("PGHOST", "ignored", "PGUSER", "ignored", "PGPASSWORD", "secret"), "postgres:17.6");

        assertThat(settings.provider()).isEqualTo(PostgresProvider.SERVER);
        assertThat(settings.serverUrl()).contains("jdbc:postgresql://db:5433/admin");
        assertThat(settings.user()).isEqualTo("builder");
        assertThat(settings.password()).isEqualTo("secret");
    }

    @Test
    void fallsBackToLibpqEnvironmentVariables() {
        PostgresSettings settings = PostgresSettings.from(properties("inboop.postgres", "server"),
                Map.of("PGHOST", "pg.internal", "PGPORT", "6432", "PGUSER", "ci"), "postgres:17.6");

        assertThat(settings.serverUrl()).contains("jdbc:postgresql://pg.internal:6432/postgres");
        assertThat(settings.user()).isEqualTo("ci");
        assertThat(settings.password()).isEmpty();
    }

    @Test
    void treatsBlankPropertiesAsAbsent() {
        PostgresSettings settings = PostgresSettings.from(properties("inboop.postgres", " ", "inboop.postgres.url", ""),
                Map.of(), "postgres:17.6");

        assertThat(settings.provider()).isEqualTo(PostgresProvider.EMBEDDED);
        assertThat(settings.serverUrl()).isEmpty();
    }

    @Test
    void rejectsUnknownProviderNamingTheChoices() {
        assertThatThrownBy(() -> PostgresSettings.from(properties("inboop.postgres", "docker"), Map.of(), "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-Dinboop.postgres=docker")
                .hasMessageContaining("embedded")
                .hasMessageContaining("server")
                .hasMessageContaining("container");
    }
}

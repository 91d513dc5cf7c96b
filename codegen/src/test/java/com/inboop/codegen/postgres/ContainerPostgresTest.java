package com.inboop.codegen.postgres;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/** The container provider's behaviour where there is no Docker, which is every CI machine of this project. */
class ContainerPostgresTest {

    @Test
    void withoutDockerSaysSoAndNamesTheOtherProviders() {
        assumeFalse(DockerClientFactory.instance().isDockerAvailable(), "Docker is available here");
        PostgresSettings settings = new PostgresSettings(PostgresProvider.CONTAINER, Optional.empty(), "postgres", "",
                "postgres:17.6", Path.of("unused"));

        assertThatThrownBy(settings::start)
                .isInstanceOf(PostgresUnavailableException.class)
                .hasMessageContaining("needs a Docker engine")
                .hasMessageContaining("-Dinboop.postgres=embedded")
                .hasMessageContaining("-Dinboop.postgres=server");
    }
}

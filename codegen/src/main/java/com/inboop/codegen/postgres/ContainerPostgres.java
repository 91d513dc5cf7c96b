package com.inboop.codegen.postgres;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A Testcontainers container of a pinned {@code postgres} image, removed on close. Needs a Docker engine; without
 * one, {@link #start(PostgresSettings)} says so and names the other providers.
 */
public final class ContainerPostgres implements EphemeralPostgres {

    private final PostgreSQLContainer container;

    private ContainerPostgres(PostgreSQLContainer container) {
        this.container = container;
    }

    /** Starts a container of {@link PostgresSettings#image()}. */
    public static ContainerPostgres start(PostgresSettings settings) {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new PostgresUnavailableException("-Dinboop.postgres=container needs a Docker engine, and "
                    + "Testcontainers found none (no DOCKER_HOST, no /var/run/docker.sock, no ~/.testcontainers"
                    + ".properties). Start Docker, or pick another provider: the default "
                    + "-Dinboop.postgres=embedded needs only a JDK, and -Dinboop.postgres=server "
                    + "-Dinboop.postgres.url=jdbc:postgresql://HOST:5432/postgres uses a server you already have.");
        }
        PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse(settings.image()));
        try {
            container.start();
        } catch (RuntimeException e) {
            container.close();
            throw new PostgresUnavailableException("Container " + settings.image() + " did not start: "
                    + e.getMessage() + "\nCheck that Docker can pull the image (-D" + PostgresSettings.IMAGE
                    + " picks another), or use -Dinboop.postgres=embedded.", e);
        }
        return new ContainerPostgres(container);
    }

    @Override
    public String description() {
        return "container " + container.getDockerImageName();
    }

    @Override
    public JdbcTarget maintenance() {
        return new JdbcTarget(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    @Override
    public void close() {
        container.close();
    }
}

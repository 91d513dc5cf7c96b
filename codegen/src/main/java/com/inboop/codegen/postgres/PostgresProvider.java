package com.inboop.codegen.postgres;

import java.util.function.Function;

/** The ways the build can get a throwaway Postgres, selected with {@code -Dinboop.postgres=embedded|server|container}. */
public enum PostgresProvider {

    /** PostgreSQL binaries from Maven Central (zonky's), run by the helper; needs nothing but a JDK. */
    EMBEDDED(EmbeddedPostgres::start),

    /** An existing server; the helper works in databases it creates there and drops them afterwards. */
    SERVER(ServerPostgres::connect),

    /** A Testcontainers container of a pinned {@code postgres} image; needs a Docker engine. */
    CONTAINER(ContainerPostgres::start);

    private final Function<PostgresSettings, EphemeralPostgres> starter;

    PostgresProvider(Function<PostgresSettings, EphemeralPostgres> starter) {
        this.starter = starter;
    }

    EphemeralPostgres start(PostgresSettings settings) {
        return starter.apply(settings);
    }
}

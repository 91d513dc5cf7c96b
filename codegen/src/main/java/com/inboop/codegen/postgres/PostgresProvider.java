package com.inboop.codegen.postgres;

import java.util.List;
import java.util.function.Function;

/** The ways the build can get a throwaway Postgres, selected with {@code -Dinboop.postgres=embedded|server|container}. */
public enum PostgresProvider {

    /**
     * PostgreSQL binaries from Maven Central (zonky's), run by the helper; needs nothing but a JDK. Leftovers: the
     * servers and data directories of runs killed with their watchdog, stopped and removed.
     */
    EMBEDDED(EmbeddedPostgres::start, EmbeddedPostgres::removeLeftovers),

    /**
     * An existing server; the helper works in databases it creates there and drops them afterwards. Leftovers: the
     * throwaway databases of killed runs, dropped when the next run connects (none without a connection).
     */
    SERVER(ServerPostgres::connect, settings -> List.of()),

    /** A Testcontainers container of a pinned {@code postgres} image; needs a Docker engine. Ryuk removes leftovers. */
    CONTAINER(ContainerPostgres::start, settings -> List.of());

    private final Function<PostgresSettings, EphemeralPostgres> starter;
    private final Function<PostgresSettings, List<String>> leftovers;

    PostgresProvider(Function<PostgresSettings, EphemeralPostgres> starter,
                     Function<PostgresSettings, List<String>> leftovers) {
        this.starter = starter;
        this.leftovers = leftovers;
    }

    EphemeralPostgres start(PostgresSettings settings) {
        return starter.apply(settings);
    }

    List<String> removeLeftovers(PostgresSettings settings) {
        return leftovers.apply(settings);
    }
}

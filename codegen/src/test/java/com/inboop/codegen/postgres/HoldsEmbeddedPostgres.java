package com.inboop.codegen.postgres;

import java.nio.file.Path;

/**
 * A build JVM to kill: starts an embedded server under the directory in its argument, prints {@code READY} and the
 * data directory, and waits to be killed. Run by {@link EmbeddedPostgresTest} as a separate process.
 */
public final class HoldsEmbeddedPostgres {

    private HoldsEmbeddedPostgres() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedPostgres postgres = EmbeddedPostgres.start(PostgresProcesses.embeddedIn(Path.of(args[0])));
        System.out.println("READY " + postgres.dataDirectory());
        System.out.flush();
        Thread.sleep(600_000);
    }
}

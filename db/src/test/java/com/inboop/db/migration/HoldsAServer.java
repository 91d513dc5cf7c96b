package com.inboop.db.migration;

import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A machine to crash: starts a PostgreSQL server on the data directory in its argument (kept, not cleaned, so that a
 * server started later on the same directory recovers it), prints {@code READY <port>}, and waits to be killed with
 * its server. Run by {@link ServerCrashDuringMigrateTest} as a separate process.
 */
public final class HoldsAServer {

    private HoldsAServer() {
    }

    public static void main(String[] args) throws Exception {
        // Commits durable as in production (zonky turns synchronous_commit off): what committed before the crash
        // must still be there after recovery.
        EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0]))
                .setCleanDataDirectory(false).setServerConfig("synchronous_commit", "on").start();
        System.out.println("READY " + server.getPort());
        System.out.flush();
        Thread.sleep(600_000);
    }
}

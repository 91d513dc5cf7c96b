package com.inboop.codegen.postgres;

import com.inboop.codegen.concurrent.Background;

/**
 * Starts a Postgres on a background thread, so that the caller can load the code generator and Flyway meanwhile:
 * both take a second or more on a cold JVM, and so does starting a server. Whatever happens, closing this object
 * leaves no server running that nobody took over with {@link #await()}.
 */
public final class PostgresStartup implements AutoCloseable {

    private final Background<EphemeralPostgres> starting;
    private boolean handedOver;

    private PostgresStartup(Background<EphemeralPostgres> starting) {
        this.starting = starting;
    }

    /** Begins starting a server with {@code settings}. */
    public static PostgresStartup begin(PostgresSettings settings) {
        return new PostgresStartup(Background.start("inboop-postgres-startup", settings::start));
    }

    /** Waits for the server; the caller owns (and closes) it from now on. Start failures are rethrown as they are. */
    public EphemeralPostgres await() {
        EphemeralPostgres postgres = starting.join();
        handedOver = true;
        return postgres;
    }

    /** Stops the server unless {@link #await()} handed it over; waits for a start still in progress to do so. */
    @Override
    public void close() {
        if (handedOver) {
            return;
        }
        EphemeralPostgres postgres;
        try {
            postgres = starting.join();
        } catch (RuntimeException e) {
            return; // It never started: nothing to stop. The caller is already handling its own failure.
        }
        postgres.close();
    }
}

package com.inboop.codegen.postgres;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Starts a Postgres on a background thread, so that the caller can load the code generator and Flyway meanwhile:
 * both take a second or more on a cold JVM, and so does starting a server. Whatever happens, closing this object
 * leaves no server running that nobody took over with {@link #await()}.
 */
public final class PostgresStartup implements AutoCloseable {

    private final CompletableFuture<EphemeralPostgres> starting;
    private boolean handedOver;

    private PostgresStartup(CompletableFuture<EphemeralPostgres> starting) {
        this.starting = starting;
    }

    /** Begins starting a server with {@code settings}. */
    public static PostgresStartup begin(PostgresSettings settings) {
        return new PostgresStartup(CompletableFuture.supplyAsync(settings::start, runnable -> {
            Thread thread = new Thread(runnable, "inboop-postgres-startup");
            thread.setDaemon(true);
            thread.start();
        }));
    }

    /** Waits for the server; the caller owns (and closes) it from now on. Start failures are rethrown as they are. */
    public EphemeralPostgres await() {
        EphemeralPostgres postgres = join();
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
            postgres = join();
        } catch (RuntimeException e) {
            return; // It never started: nothing to stop. The caller is already handling its own failure.
        }
        postgres.close();
    }

    private EphemeralPostgres join() {
        try {
            return starting.join();
        } catch (CompletionException | CancellationException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}

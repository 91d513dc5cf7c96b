package com.inboop.codegen.postgres;

/**
 * A Postgres server that the build may use for a while and then lets go of. Closing it stops whatever this object
 * started (a process, a container) and deletes what it created on disk; closing twice is harmless.
 *
 * <p>Work never happens in {@link #maintenance()} itself: callers create a {@link ThrowawayDatabase} through it.
 */
public interface EphemeralPostgres extends AutoCloseable {

    /** What this is, for log lines, e.g. {@code embedded PostgreSQL 17.6.0}. */
    String description();

    /** The database to connect to for {@code CREATE DATABASE} and {@code DROP DATABASE}; never migrated or changed. */
    JdbcTarget maintenance();

    /** Stops the server if this object started it and removes its files; never throws. */
    @Override
    void close();
}

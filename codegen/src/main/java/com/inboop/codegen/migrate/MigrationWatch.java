package com.inboop.codegen.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import com.inboop.codegen.postgres.JdbcTarget;

/**
 * Says what a slow migration is doing while it runs, so a build never waits in silence: every {@code interval} a
 * migration has been running, one line with its file, how long, and what Postgres says its session waits for (a
 * lock, and the session that holds it), read from {@code pg_stat_activity} on a connection of its own.
 *
 * <p>Used as a Flyway callback (it learns each migration's script and backend pid before it runs) and started and
 * stopped around {@code migrate()}. Never fails the migration: a line it cannot read is replaced by what it knows.
 * Time comes from a clock it is given, so that what it says at a given moment can be tested without waiting for it.
 */
final class MigrationWatch extends MigrationObserver implements AutoCloseable {

    /** System property: seconds between "still applying" lines (default 10; 0 turns them off). */
    static final String INTERVAL = "inboop.codegen.progressSeconds";

    private static final String ACTIVITY = """
            SELECT a.state, a.wait_event_type, a.wait_event, left(regexp_replace(a.query, '\\s+', ' ', 'g'), 100),
                   (SELECT string_agg(b.pid || ' (' || coalesce(b.state, '?') || ' for '
                                      || coalesce(extract(epoch FROM now() - b.state_change)::int, 0) || ' s: '
                                      || left(regexp_replace(b.query, '\\s+', ' ', 'g'), 60) || ')', '; ')
                      FROM pg_stat_activity b WHERE b.pid = ANY (pg_blocking_pids(a.pid)))
              FROM pg_stat_activity a WHERE a.pid = ?""";

    private final JdbcTarget target;
    private final Duration interval;
    private final Consumer<String> out;
    private final LongSupplier nanoClock;
    private final ScheduledExecutorService timer;
    private volatile Running running;

    /** The migration being applied: its script, its session's pid (0 if unknown) and when it began. */
    private record Running(String script, int pid, long startedNanos) {
    }

    /** Watches on the system clock, reporting every {@code interval} (never if zero). */
    MigrationWatch(JdbcTarget target, Duration interval, Consumer<String> out) {
        this(target, interval, out, System::nanoTime);
        if (!interval.isZero()) {
            long millis = interval.toMillis();
            timer.scheduleAtFixedRate(this::report, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** Watches on {@code nanoClock} and reports only when {@link #report()} is called. */
    MigrationWatch(JdbcTarget target, Duration interval, Consumer<String> out, LongSupplier nanoClock) {
        super(Event.BEFORE_EACH_MIGRATE, Event.AFTER_EACH_MIGRATE, Event.AFTER_EACH_MIGRATE_ERROR);
        this.target = target;
        this.interval = interval;
        this.out = out;
        this.nanoClock = nanoClock;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "inboop-migration-watch");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The interval the {@value #INTERVAL} system property asks for. */
    static Duration configuredInterval() {
        return Duration.ofSeconds(Long.getLong(INTERVAL, 10));
    }

    @Override
    public void handle(Event event, Context context) {
        if (event != Event.BEFORE_EACH_MIGRATE) {
            finished();
            return;
        }
        int pid;
        try {
            // The driver knows its session's pid from the handshake: no round trip per migration.
            pid = context.getConnection().unwrap(org.postgresql.PGConnection.class).getBackendPID();
        } catch (SQLException e) {
            pid = 0;
        }
        started(context.getMigrationInfo().getScript(), pid);
    }

    /** {@code script} begins now, in the session {@code pid}. */
    void started(String script, int pid) {
        running = new Running(script, pid, nanoClock.getAsLong());
    }

    /** The migration that was running is done, whichever way. */
    void finished() {
        running = null;
    }

    /** Says what the running migration does, if it has run for at least the interval; else nothing. */
    void report() {
        Running now = running;
        if (now == null) {
            return;
        }
        long elapsed = nanoClock.getAsLong() - now.startedNanos();
        if (elapsed < interval.toNanos()) {
            return;
        }
        out.accept("still applying " + now.script() + " after " + elapsed / 1_000_000_000 + " s: "
                + activity(now.pid()));
    }

    /** What the migration's session is doing, as Postgres reports it. */
    private String activity(int pid) {
        if (pid == 0) {
            return "(its session is unknown)";
        }
        try (Connection connection = target.connect();
             PreparedStatement statement = connection.prepareStatement(ACTIVITY)) {
            statement.setInt(1, pid);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return "(its session " + pid + " has ended)";
                }
                String blockers = rs.getString(5);
                if (blockers != null) {
                    return "waiting for a " + rs.getString(3) + " lock held by " + blockers;
                }
                String waiting = rs.getString(2) == null ? "running" : "waiting on " + rs.getString(2) + "/"
                        + rs.getString(3);
                return waiting + ": " + rs.getString(4);
            }
        } catch (SQLException e) {
            return "(could not read pg_stat_activity: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

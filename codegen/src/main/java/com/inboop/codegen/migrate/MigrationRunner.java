package com.inboop.codegen.migrate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import com.inboop.codegen.failure.CodegenException;
import com.inboop.codegen.postgres.JdbcTarget;

/**
 * Applies a migrations folder with Flyway's public API and the settings production uses (the properties file that
 * {@code inboop-db} ships), so the build's schema is the schema a backend will get.
 */
public final class MigrationRunner {

    private static final String TRANSACTIONAL_LOCK = "flyway.postgresql.transactional.lock";
    /** SQLSTATE of a lock_timeout (lock_not_available). */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    /** System property: the longest a single statement may run on the throwaway database, in seconds. */
    public static final String STATEMENT_TIMEOUT = "inboop.codegen.statementTimeout";
    /** SQLSTATE of a cancelled statement (statement_timeout). */
    private static final String QUERY_CANCELED = "57014";

    private final Properties settings;
    private final Duration statementTimeout;
    private final Duration progressInterval;
    private final Consumer<String> progress;

    private MigrationRunner(Properties settings, Duration statementTimeout, Duration progressInterval,
                            Consumer<String> progress) {
        this.settings = settings;
        this.statementTimeout = statementTimeout;
        this.progressInterval = progressInterval;
        this.progress = progress;
    }

    private MigrationRunner(Properties settings) {
        this(settings, Duration.ofSeconds(Long.getLong(STATEMENT_TIMEOUT, 300)), MigrationWatch.configuredInterval(),
                line -> System.err.println("inboop: " + line));
    }

    /**
     * This runner with another bound on any single statement. Migrations only ever run here on throwaway databases,
     * where a statement that takes minutes is waiting for something or looping: it fails, naming the migration,
     * instead of hanging the build in silence.
     */
    public MigrationRunner withStatementTimeout(Duration timeout) {
        return new MigrationRunner(settings, timeout, progressInterval, progress);
    }

    /**
     * This runner telling {@code progress}, every {@code interval} a migration runs, what it is doing or waiting for
     * ("still applying V007__x.sql after 20 s: waiting for a relation lock held by 4242 (idle in transaction ...)").
     * By default every 10 s ({@code -Dinboop.codegen.progressSeconds}) on standard error.
     */
    public MigrationRunner withProgress(Duration interval, Consumer<String> progress) {
        return new MigrationRunner(settings, statementTimeout, interval, progress);
    }

    /** Uses the given {@code flyway.*} settings. */
    public static MigrationRunner withSettings(Properties settings) {
        Properties copy = new Properties();
        copy.putAll(settings);
        return new MigrationRunner(copy);
    }

    /** Uses the {@code flyway.*} settings in {@code settingsFile}: a {@code .conf} or a {@code .toml}. */
    public static MigrationRunner withSettings(Path settingsFile) {
        return new MigrationRunner(FlywaySettingsFile.read(settingsFile, "pass the flyway.conf that inboop-db ships"));
    }

    /** The {@code flyway.*} settings this runner applies migrations with (a copy). */
    public Properties settings() {
        Properties copy = new Properties();
        copy.putAll(settings);
        return copy;
    }

    /** Loads Flyway and its database plugins now rather than on the first migration; returns this runner. */
    public MigrationRunner warmedUp() {
        Flyway.configure().configuration(coreSettings());
        return this;
    }

    /**
     * Migrates {@code target} to the newest migration in {@code migrations}.
     *
     * @param observers further Flyway callbacks, e.g. the migration guard's semantic layer
     * @return how many migrations were applied
     * @throws MigrationFailedException naming the script, line and Postgres' message when one fails
     */
    public int migrate(JdbcTarget target, MigrationFiles migrations, Callback... observers) {
        try (MigrationWatch watch = new MigrationWatch(target, progressInterval, progress)) {
            Callback[] watched = new Callback[observers.length + 1];
            watched[0] = watch;
            System.arraycopy(observers, 0, watched, 1, observers.length);
            return migrateObserved(target, migrations, watched);
        }
    }

    private int migrateObserved(JdbcTarget target, MigrationFiles migrations, Callback... observers) {
        FailedStatementRecorder recorder = new FailedStatementRecorder();
        Callback[] callbacks = new Callback[observers.length + 2];
        callbacks[0] = recorder;
        callbacks[1] = new MigrationObserver(Event.BEFORE_EACH_MIGRATE) {
            /** The session last configured: Flyway applies every migration on one, and a setting outlives them. */
            private java.sql.Connection configured;

            @Override
            public void handle(Event event, Context context) {
                if (context.getConnection() == configured) {
                    return;
                }
                try (java.sql.Statement statement = context.getConnection().createStatement()) {
                    // One round trip: the session keeps both settings for the migrations after this one.
                    // A build killed outright cannot cancel its statement: from PostgreSQL 14 on, the server then
                    // notices the lost client within a second and stops, instead of working on for nobody.
                    statement.execute("SET statement_timeout = " + statementTimeout.toMillis()
                            + "; SELECT set_config('client_connection_check_interval', '1000', false)"
                            + " WHERE current_setting('server_version_num')::int >= 140000");
                    configured = context.getConnection();
                } catch (SQLException e) {
                    throw new CodegenException("Could not set the build's statement_timeout and "
                            + "client_connection_check_interval: " + e.getMessage(), e);
                }
            }
        };
        System.arraycopy(observers, 0, callbacks, 2, observers.length);
        String transactionalLock = settings.getProperty(TRANSACTIONAL_LOCK);
        FluentConfiguration configuration = Flyway.configure()
                .configuration(coreSettings())
                .dataSource(target.url(), target.user(), target.password())
                .locations("filesystem:" + migrations.directory().toAbsolutePath())
                .callbacks(callbacks)
                .loggers(QuietFlywayLog.class.getName());
        if (transactionalLock != null) {
            FlywayTransactionalLock.set(configuration, Boolean.parseBoolean(transactionalLock.trim()));
        }
        Flyway flyway = configuration.load();
        try {
            MigrateResult result = flyway.migrate();
            return result.migrationsExecuted;
        } catch (FlywayException e) {
            throw failure(e, recorder, migrations.directory());
        }
    }

    /**
     * The settings Flyway takes as properties. Flyway maps plugin settings given as properties through a Jackson it
     * does not ship, so {@value #TRANSACTIONAL_LOCK} is left out here and set by {@link FlywayTransactionalLock}.
     */
    private Properties coreSettings() {
        Properties core = new Properties();
        core.putAll(settings);
        core.remove(TRANSACTIONAL_LOCK);
        return core;
    }

    private MigrationFailedException failure(FlywayException e, FailedStatementRecorder recorder,
                                             Path directory) {
        Optional<Path> script = recorder.script().map(directory::resolve).map(p -> p.toAbsolutePath().normalize());
        Optional<PSQLException> sqlError = psqlCause(e);
        String postgresMessage = sqlError.map(MigrationRunner::describe).orElse(e.getMessage());
        if (script.isEmpty()) {
            return new MigrationFailedException("Flyway could not migrate " + directory.toAbsolutePath() + ": "
                    + postgresMessage, null, 0, 0, e);
        }
        Position position = locate(script.get(), recorder.statement(),
                sqlError.map(PSQLException::getServerErrorMessage).map(ServerErrorMessage::getPosition).orElse(0));
        String where = script.get().toAbsolutePath() + (position.line() > 0
                ? ":" + position.line() + (position.column() > 0 ? ":" + position.column() : "") : "");
        String statement = recorder.statement()
                .map(sql -> "\n  statement: " + firstLine(sql.substring(firstCode(sql)))).orElse("");
        String sqlState = sqlError.map(PSQLException::getSQLState).orElse("");
        String advice = switch (sqlState) {
            case LOCK_NOT_AVAILABLE -> "\n  The statement is fine: it waited longer than lock_timeout for a lock another"
                    + " session holds, and nothing of it was applied. Retry when the table is quieter (pg_locks and"
                    + " pg_stat_activity name the holder).";
            case QUERY_CANCELED -> "\n  It ran longer than the build's statement_timeout (" + statementTimeout.toSeconds()
                    + " s; -D" + STATEMENT_TIMEOUT + "=SECONDS): on a throwaway database a statement this slow is "
                    + "waiting for something or looping. Fix the statement.";
            default -> "\n  Fix the statement and build again (a migration that has not landed may still be edited).";
        };
        return new MigrationFailedException(where + ": migration failed: " + postgresMessage + statement + advice,
                script.get(), position.line(), position.column(), e);
    }

    private record Position(int line, int column) {
    }

    /** Finds the statement in the file and, with Postgres' 1-based error position, the exact line and column. */
    private static Position locate(Path script, Optional<String> statement, int errorPosition) {
        if (statement.isEmpty()) {
            return new Position(0, 0);
        }
        String content;
        try {
            content = Files.readString(script, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CodegenException("Cannot read " + script + " to locate its failing statement", e);
        }
        String sql = statement.get();
        int start = content.indexOf(sql);
        if (start < 0) {
            start = content.indexOf(sql.strip());
        }
        if (start < 0) {
            return new Position(0, 0);
        }
        // Without a position (a lock timeout, a constraint violation) the statement itself is the place: its first
        // word, not the comments Flyway counts as part of it.
        int offset = errorPosition > 0 && errorPosition <= sql.length() ? start + errorPosition - 1
                : start + firstCode(sql);
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (content.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, errorPosition > 0 ? offset - lineStart + 1 : 0);
    }

    /** Offset of the first character of {@code sql} that is neither white space nor inside a comment. */
    private static int firstCode(String sql) {
        int i = 0;
        while (i < sql.length()) {
            if (Character.isWhitespace(sql.charAt(i))) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int newline = sql.indexOf('\n', i);
                i = newline < 0 ? sql.length() : newline + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
            } else {
                return i;
            }
        }
        return 0;
    }

    private static Optional<PSQLException> psqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                return Optional.of(psql);
            }
            if (t instanceof SQLException sql && sql.getNextException() instanceof PSQLException next
                    && next.getServerErrorMessage() != null) {
                return Optional.of(next);
            }
        }
        return Optional.empty();
    }

    private static String describe(PSQLException e) {
        ServerErrorMessage m = e.getServerErrorMessage();
        StringBuilder text = new StringBuilder(m.getSeverity()).append(": ").append(m.getMessage())
                .append(" (SQLSTATE ").append(m.getSQLState()).append(')');
        if (m.getDetail() != null) {
            text.append("\n  detail: ").append(m.getDetail());
        }
        if (m.getHint() != null) {
            text.append("\n  hint: ").append(m.getHint());
        }
        return text.toString();
    }

    private static String firstLine(String sql) {
        String stripped = sql.strip();
        int newline = stripped.indexOf('\n');
        return newline < 0 ? stripped : stripped.substring(0, newline) + " ...";
    }
}

package com.inboop.codegen.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * An existing server, reached through its maintenance database. This class starts and stops nothing; the work
 * happens in {@link ThrowawayDatabase}s it is asked to create, and the database the URL names is only used to issue
 * {@code CREATE DATABASE} and {@code DROP DATABASE}.
 */
public final class ServerPostgres implements EphemeralPostgres {

    private final JdbcTarget maintenance;
    private final String version;

    private ServerPostgres(JdbcTarget maintenance, String version) {
        this.maintenance = maintenance;
        this.version = version;
    }

    /**
     * Checks that the server answers and that the role may create databases, then drops the throwaway databases
     * that killed runs left there ({@link ThrowawayDatabase#dropLeftovers}), saying so on standard error.
     */
    public static ServerPostgres connect(PostgresSettings settings) {
        ServerPostgres server = reach(settings);
        List<String> dropped = ThrowawayDatabase.dropLeftovers(server.maintenance, ThrowawayDatabase.leftoverAge());
        if (!dropped.isEmpty()) {
            System.err.println("inboop: dropped " + dropped.size() + " throwaway database" + (dropped.size() == 1
                    ? "" : "s") + " that interrupted runs left on " + server.maintenance.url() + ": "
                    + String.join(", ", dropped));
        }
        return server;
    }

    private static ServerPostgres reach(PostgresSettings settings) {
        String url = settings.serverUrl().orElseThrow(() -> new PostgresUnavailableException(
                "-Dinboop.postgres=server needs a server: set -D" + PostgresSettings.URL
                        + "=jdbc:postgresql://HOST:5432/postgres (plus -D" + PostgresSettings.USER + " and -D"
                        + PostgresSettings.PASSWORD + "), or the PGHOST, PGPORT, PGUSER and PGPASSWORD variables."));
        JdbcTarget target;
        try {
            target = new JdbcTarget(url, settings.user(), settings.password());
            target.database();
        } catch (IllegalArgumentException e) {
            throw new PostgresUnavailableException("-D" + PostgresSettings.URL + ": " + e.getMessage(), e);
        }
        try (Connection connection = target.connect();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT current_setting('server_version'), rolcreatedb OR rolsuper FROM pg_roles"
                             + " WHERE rolname = current_user")) {
            rs.next();
            if (!rs.getBoolean(2)) {
                throw new PostgresUnavailableException("Role '" + settings.user() + "' on " + url
                        + " may not create databases, and the build works only in databases it creates. Grant it"
                        + " with ALTER ROLE " + settings.user() + " CREATEDB, or use another role.");
            }
            return new ServerPostgres(target, rs.getString(1));
        } catch (SQLException e) {
            throw new PostgresUnavailableException("Cannot connect to " + url + " as '" + settings.user() + "': "
                    + e.getMessage() + "\nCheck -D" + PostgresSettings.URL + ", -D" + PostgresSettings.USER + " and -D"
                    + PostgresSettings.PASSWORD + " (or PGHOST/PGPORT/PGUSER/PGPASSWORD), or use the default "
                    + "-Dinboop.postgres=embedded.", e);
        }
    }

    @Override
    public String description() {
        return "server PostgreSQL " + version + " at " + maintenance.url();
    }

    @Override
    public JdbcTarget maintenance() {
        return maintenance;
    }

    /** Nothing to stop: the server is not ours. */
    @Override
    public void close() {
    }
}

package com.inboop.db.migration;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * The application's {@code DataSource} as Flyway gets it: a connection Flyway closes first gets back the server's
 * values of the session settings that the migrations' callback {@code beforeEachMigrate.sql} sets.
 *
 * <p>Why: an application's {@code DataSource} is a pool, and closing a pooled connection returns it, session settings
 * and all, to serve the application's own statements. Without this, one connection of a Spring Boot application that
 * migrated at startup went on with a 5 s {@code lock_timeout} (and without notices) for as long as the pool kept it.
 * A Flyway {@code afterMigrate} callback cannot do it: Flyway runs it on another connection than the migrations.
 */
final class SessionRestoringDataSource implements DataSource {

    /** Every setting {@code beforeEachMigrate.sql} changes; a test holds the two lists together. */
    static final List<String> SETTINGS = List.of("lock_timeout", "client_min_messages");

    private final DataSource pool;

    SessionRestoringDataSource(DataSource pool) {
        this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return restoringOnClose(pool.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return restoringOnClose(pool.getConnection(username, password));
    }

    private static Connection restoringOnClose(Connection connection) {
        return (Connection) Proxy.newProxyInstance(SessionRestoringDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0 && !connection.isClosed()) {
                        try (Statement statement = connection.createStatement()) {
                            // Flyway has ended its transactions before it closes; RESET is then the session's own.
                            statement.execute(String.join("; ", SETTINGS.stream().map(s -> "RESET " + s).toList()));
                        } finally {
                            connection.close();
                        }
                        return null;
                    }
                    try {
                        return method.invoke(connection, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}

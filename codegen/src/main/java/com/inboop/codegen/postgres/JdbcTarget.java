package com.inboop.codegen.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where and as whom to connect: a JDBC URL with its credentials. Immutable; {@link #toString()} hides the password.
 */
public record JdbcTarget(String url, String user, String password) {

    public JdbcTarget {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
    }

    /** Opens a new connection; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** A non-pooling {@link DataSource} for this target, e.g. for Flyway or jOOQ in tests and tools. */
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    /** The same server and credentials, another database. */
    public JdbcTarget withDatabase(String database) {
        return new JdbcTarget(JdbcUrls.withDatabase(url, database), user, password);
    }

    /** The database this URL names. */
    public String database() {
        return JdbcUrls.database(url);
    }

    @Override
    public String toString() {
        return "JdbcTarget[url=" + url + ", user=" + user + ", password=***]";
    }
}

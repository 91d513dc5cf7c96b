package com.inboop.codegen.junit;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.inboop.codegen.postgres.JdbcTarget;
import com.inboop.codegen.postgres.ThrowawayDatabase;

/**
 * A fully migrated database that belongs to one test class: tests may change it freely. Injected by
 * {@link MigratedDatabaseExtension} into test constructors, lifecycle methods and test methods.
 *
 * @param name   the database's name
 * @param target how to connect to it
 */
public record TestDatabase(String name, JdbcTarget target) {

    /** Opens a connection; the caller closes it. */
    public Connection connect() throws SQLException {
        return target.connect();
    }

    /**
     * Creates an empty database (no migrations) on the same server, for tests that build a schema their own way,
     * e.g. a legacy database; the caller closes it, which drops it.
     */
    public ThrowawayDatabase newEmptyDatabase() {
        return ThrowawayDatabase.create(target, name + "_empty");
    }

    /** A non-pooling {@link DataSource} for this database, e.g. for {@code DSL.using(dataSource, ...)}. */
    public DataSource dataSource() {
        return target.dataSource();
    }
}

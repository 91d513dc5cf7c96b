package com.inboop.db.replica;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import com.inboop.codegen.postgres.ThrowawayDatabase;
import com.inboop.db.migration.InboopMigrations;

/**
 * A production replica that inboop-db has migrated, with the unchanged backend ready to write to it: where the tests
 * of the live backend's writes start.
 *
 * @param dataSource the replica
 * @param backend    writes as the backend's Hibernate does, knowing only the columns production had before
 * @param dsl        the query layer's way in
 */
public record MigratedReplica(DataSource dataSource, BackendWrites backend, DSLContext dsl) {

    /** Builds {@code state} in the empty {@code database}, notes the backend's columns, then migrates it. */
    public static MigratedReplica of(ThrowawayDatabase database, ProductionReplica.State state) {
        DataSource dataSource = database.target().dataSource();
        ProductionReplica.build(dataSource, state);
        BackendWrites backend = new BackendWrites(dataSource, ProductionReplica.columns(dataSource));
        InboopMigrations.migrate(dataSource);
        return new MigratedReplica(dataSource, backend, DSL.using(dataSource, SQLDialect.POSTGRES));
    }
}

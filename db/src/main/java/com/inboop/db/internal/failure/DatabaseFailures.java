package com.inboop.db.internal.failure;

import java.sql.SQLException;

import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

import com.inboop.db.DatabaseFailureException;
import com.inboop.db.InboopDbException;
import com.inboop.db.internal.check.Arguments;

/**
 * Turns every failure of a statement that inboop-db runs into a {@link DatabaseFailureException}: a jOOQ
 * {@code ExecuteListener} on a configuration derived from the caller's, so that the caller's own queries, and the
 * listeners it has (Spring Boot's exception translator among them), stay as they were. It runs after those listeners
 * and keeps what they made as the cause.
 */
public final class DatabaseFailures implements ExecuteListener {

    private static final long serialVersionUID = 1L;

    private static final DatabaseFailures LISTENER = new DatabaseFailures();

    private DatabaseFailures() {
    }

    /**
     * {@code dsl}, checked to speak Postgres ({@link Arguments#requirePostgres}), with its failures translated.
     */
    public static DSLContext translating(DSLContext dsl) {
        return Arguments.requirePostgres(dsl).configuration().deriveAppending(LISTENER).dsl();
    }

    /**
     * {@code failure} as inboop-db reports it: inboop-db's own exceptions as they are, anything else as a
     * {@link DatabaseFailureException} with the SQLSTATE of the first {@link SQLException} among its causes.
     */
    public static InboopDbException translate(RuntimeException failure) {
        if (failure instanceof InboopDbException own) {
            return own;
        }
        return new DatabaseFailureException(sqlState(failure), failure);
    }

    /** {@code failure}, met while reading a statement's rows outside jOOQ's own fetching, as inboop-db reports it. */
    public static DatabaseFailureException translate(SQLException failure) {
        return new DatabaseFailureException(sqlState(failure), failure);
    }

    @Override
    public void exception(ExecuteContext ctx) {
        RuntimeException failure = ctx.exception();
        if (failure != null && !(failure instanceof InboopDbException)) {
            ctx.exception(translate(failure));
        }
    }

    private static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}

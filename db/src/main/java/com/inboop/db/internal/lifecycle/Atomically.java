package com.inboop.db.internal.lifecycle;

import org.jooq.DSLContext;
import org.jooq.TransactionalCallable;
import org.jooq.exception.DataAccessException;

import com.inboop.db.internal.failure.DatabaseFailures;

/**
 * Several statements as one unit, in whatever transaction the caller has. When the {@code DSLContext}'s connection
 * is already in a transaction (auto-commit off: a Spring {@code @Transactional} method with a JPA or JDBC transaction
 * manager, a jOOQ transaction, a connection the caller manages), the statements simply join it, and they commit or roll
 * back with it; otherwise they run in a transaction of their own.
 *
 * <p>Why not {@code dsl.transactionResult} always: inside a caller's transaction jOOQ asks its transaction provider
 * for a savepoint, and Spring's {@code JpaTransactionManager} cannot make one ({@code NestedTransactionNotSupported
 * Exception}). Joining needs no savepoint: a failure aborts the caller's transaction, which then rolls back whole.
 */
public final class Atomically {

    private Atomically() {
    }

    /**
     * {@code work}'s result, its statements committed with the caller's transaction or with their own.
     *
     * @throws com.inboop.db.DatabaseFailureException if the database failed, also outside a statement (taking the
     *                                                connection, committing)
     */
    public static <T> T result(DSLContext dsl, TransactionalCallable<T> work) {
        try {
            boolean inTransaction = dsl.connectionResult(connection -> !connection.getAutoCommit());
            if (inTransaction) {
                return work.run(dsl.configuration());
            }
            return dsl.transactionResult(work);
        } catch (DataAccessException e) {
            throw DatabaseFailures.translate(e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw DatabaseFailures.translate(new DataAccessException("A unit of work failed: " + e.getMessage(), e));
        }
    }
}

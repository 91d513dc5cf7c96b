package com.inboop.db.internal.lifecycle;

import org.jooq.DSLContext;
import org.jooq.TransactionalCallable;

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

    public static <T> T result(DSLContext dsl, TransactionalCallable<T> work) {
        boolean inTransaction = dsl.connectionResult(connection -> !connection.getAutoCommit());
        if (inTransaction) {
            try {
                return work.run(dsl.configuration());
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new org.jooq.exception.DataAccessException("A unit of work failed: " + e.getMessage(), e);
            }
        }
        return dsl.transactionResult(work);
    }
}

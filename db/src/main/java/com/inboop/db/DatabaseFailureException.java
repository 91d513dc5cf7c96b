package com.inboop.db;

import java.sql.SQLException;
import java.util.Set;

/**
 * The database failed a call that was itself valid: a deadlock, a serialization failure, a lock or statement timeout,
 * a lost or refused connection, or any other error Postgres or the driver reported. It carries the SQLSTATE and says
 * whether retrying is safe.
 *
 * <p>{@link #retrySafe()} is true when the failure guarantees that the work had no effect: Postgres rolled the
 * transaction back (SQLSTATE class 40: deadlock, serialization failure), a lock or statement timeout cancelled it
 * (55P03, 57014), or no connection was made (53300, 08001, 08004). Retry the whole unit of work, from the start of
 * its transaction (a Spring {@code @Transactional} method: the whole method). Otherwise, and above all for a
 * connection lost mid-way (08003, 08006), the outcome is unknown: a commit may or may not have happened, so read
 * the current state before trying again.
 */
public class DatabaseFailureException extends InboopDbException {

    private static final long serialVersionUID = 1L;

    /** The SQLSTATEs after which the failed work is known to have had no effect. */
    private static final Set<String> NO_EFFECT = Set.of("55P03", "57014", "53300", "08001", "08004");

    private final String sqlState;

    /**
     * @param sqlState the SQLSTATE Postgres or the driver reported, or null if none was
     * @param cause    the failure as jOOQ, Spring or the driver reported it
     */
    public DatabaseFailureException(String sqlState, Throwable cause) {
        super(describe(sqlState, cause), cause);
        this.sqlState = sqlState;
    }

    /** The SQLSTATE (e.g. {@code 40P01} for a deadlock), or null if the failure carried none. */
    public String sqlState() {
        return sqlState;
    }

    /** Whether the failed work certainly had no effect, so that doing it again from the start is safe. */
    public boolean retrySafe() {
        return isRetrySafe(sqlState);
    }

    private static boolean isRetrySafe(String sqlState) {
        return sqlState != null && (sqlState.startsWith("40") || NO_EFFECT.contains(sqlState));
    }

    private static String describe(String sqlState, Throwable cause) {
        String what = message(cause);
        return "The database failed (SQLSTATE " + (sqlState == null ? "unknown" : sqlState) + "): " + what + ". "
                + (isRetrySafe(sqlState)
                ? "It had no effect: retry the whole unit of work from the start of its transaction."
                : "Its outcome is unknown: read the current state before trying again.");
    }

    /**
     * What the database or the driver said: the first {@link SQLException}'s message among the causes (jOOQ's and
     * Spring's wrappers say only that a statement or a connection failed), else the failure's own.
     */
    private static String message(Throwable cause) {
        for (Throwable t = cause; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null) {
                return t.getMessage().strip();
            }
        }
        return cause == null || cause.getMessage() == null ? "no message" : cause.getMessage().strip();
    }
}

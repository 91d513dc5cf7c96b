package com.inboop.db;

/**
 * Root of inboop-db's exceptions. Messages say what happened, where, and what to do about it. The contract of every
 * public method (README, "Errors"):
 * <ul>
 *   <li>an argument it cannot take is an {@link InvalidRequestException} naming the argument as the caller named it
 *       (the Java parameter, or the query parameter), thrown before any SQL, except where only the database can
 *       tell (a user of another workspace, an order number already used);</li>
 *   <li>a row that is not in the caller's workspace, or was deleted, is a {@link NotFoundException};</li>
 *   <li>a step its lifecycle forbids is an {@code IllegalTransitionException};</li>
 *   <li>a lost race is a result, never an exception: a compare-and-set returns a {@code Transition} that was not
 *       applied, with the value the row has;</li>
 *   <li>a failure of the database itself (deadlock, serialization failure, lock or statement timeout, lost or
 *       refused connection) is a {@link DatabaseFailureException} with the SQLSTATE and whether retrying is safe;</li>
 *   <li>nothing else escapes.</li>
 * </ul>
 */
public class InboopDbException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InboopDbException(String message) {
        super(message);
    }

    public InboopDbException(String message, Throwable cause) {
        super(message, cause);
    }
}

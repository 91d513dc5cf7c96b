package com.inboop.db;

/**
 * Root of inboop-db's exceptions. Messages say what happened, where, and what to do about it.
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

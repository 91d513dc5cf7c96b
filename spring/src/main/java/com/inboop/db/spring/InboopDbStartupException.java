package com.inboop.db.spring;

import com.inboop.db.InboopDbException;

/**
 * The application cannot start on this database: what inboop-db found, and what to do ({@link #action()}), which
 * {@link InboopDbFailureAnalyzer} prints as Spring Boot's "Description" and "Action".
 */
public class InboopDbStartupException extends InboopDbException {

    private static final long serialVersionUID = 1L;

    private final String action;

    public InboopDbStartupException(String description, String action, Throwable cause) {
        super(description + " " + action, cause);
        this.action = action;
    }

    /** What happened and what was found. */
    public String description() {
        return getMessage().substring(0, getMessage().length() - action.length() - 1);
    }

    /** What to do about it. */
    public String action() {
        return action;
    }
}

package com.inboop.db.internal.cli;

import com.inboop.db.InboopDbException;

/** A command line that cannot be run as given: the message names the option and what it accepts. Exit status 2. */
public final class UsageException extends InboopDbException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}

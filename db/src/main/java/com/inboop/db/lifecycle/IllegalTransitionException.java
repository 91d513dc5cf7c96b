package com.inboop.db.lifecycle;

import com.inboop.db.InboopDbException;

/**
 * A status change the lifecycle does not allow (domain: lead, order fulfilment and payment lifecycles): names the
 * item, both statuses, and what is allowed instead.
 */
public class IllegalTransitionException extends InboopDbException {

    private static final long serialVersionUID = 1L;

    private final String from;
    private final String to;

    public IllegalTransitionException(String what, Enum<?> from, Enum<?> to, String instead) {
        super(what + " cannot go from " + from + " to " + to + ": " + instead);
        this.from = String.valueOf(from);
        this.to = String.valueOf(to);
    }

    /** The status the change started from. */
    public String from() {
        return from;
    }

    /** The status the change asked for. */
    public String to() {
        return to;
    }
}

package com.inboop.db.status;

import com.inboop.db.InboopDbException;
import com.inboop.db.schema.enums.LeadStatus;

/** A lead status change that the lifecycle does not allow; names both statuses and what is allowed instead. */
public class IllegalLeadTransitionException extends InboopDbException {

    private static final long serialVersionUID = 1L;

    private final LeadStatus from;
    private final LeadStatus to;

    public IllegalLeadTransitionException(LeadStatus from, LeadStatus to) {
        super("A lead cannot go from " + from + " to " + to + ": " + LeadLifecycle.explain(from));
        this.from = from;
        this.to = to;
    }

    public LeadStatus from() {
        return from;
    }

    public LeadStatus to() {
        return to;
    }
}

package com.inboop.db.list;

import org.jooq.Condition;
import org.jooq.impl.DSL;

/** A yes/no question a list can be filtered by ("has orders"), or {@link #ANY} to not ask it. */
public enum YesNo {
    ANY,
    YES,
    NO;

    /** {@code yes} for YES, its negation for NO, no condition for ANY. */
    public Condition condition(Condition yes) {
        return switch (this) {
            case ANY -> DSL.noCondition();
            case YES -> yes;
            case NO -> DSL.not(yes);
        };
    }
}

package com.inboop.db.assignment;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

import com.inboop.db.Ids;

/** Whose items a list shows: anyone's, nobody's (unassigned), or one user's. */
public sealed interface AssigneeFilter {

    /** All items, assigned or not. */
    AssigneeFilter ANYONE = new Anyone();
    /** Items nobody is assigned to. */
    AssigneeFilter UNASSIGNED = new Unassigned();

    /** Items assigned to {@code userId}. */
    static AssigneeFilter user(long userId) {
        return new User(Ids.require("assignee", userId));
    }

    /** The condition on an assignee column (or expression). */
    Condition condition(Field<Long> assignedTo);

    /** The condition on an item kind's assignee, whichever of its assignee columns holds it. */
    default Condition condition(Assignable kind) {
        return this instanceof Unassigned ? kind.unassigned() : condition(kind.assignee());
    }

    /** A stable text form, part of the cursor's scope. */
    String canonical();

    /** No restriction. */
    record Anyone() implements AssigneeFilter {
        @Override
        public Condition condition(Field<Long> assignedTo) {
            return DSL.noCondition();
        }

        @Override
        public String canonical() {
            return "anyone";
        }
    }

    /** Not assigned. */
    record Unassigned() implements AssigneeFilter {
        @Override
        public Condition condition(Field<Long> assignedTo) {
            return assignedTo.isNull();
        }

        @Override
        public String canonical() {
            return "unassigned";
        }
    }

    /** Assigned to one user. */
    record User(long userId) implements AssigneeFilter {
        @Override
        public Condition condition(Field<Long> assignedTo) {
            return assignedTo.eq(userId);
        }

        @Override
        public String canonical() {
            return "user:" + userId;
        }
    }
}

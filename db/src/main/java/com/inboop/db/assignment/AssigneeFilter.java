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

    /** The condition on an {@code assigned_to_user_id} column. */
    Condition condition(Field<Long> assignedTo);

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

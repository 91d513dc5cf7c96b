package com.inboop.db.assignment;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

import com.inboop.db.Ids;
import com.inboop.db.InvalidRequestException;
import com.inboop.db.filter.Literals;

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

    /**
     * Reads a query parameter's value: {@code anyone} (or empty), {@code unassigned}, {@code me} (the viewing
     * user), or a user id.
     *
     * @throws InvalidRequestException naming {@code argument} for anything else
     */
    static AssigneeFilter parse(String argument, String text, long viewerUserId) {
        String value = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        switch (value) {
            case "", "anyone":
                return ANYONE;
            case "unassigned":
                return UNASSIGNED;
            case "me":
                return new User(Ids.require("viewerUserId", viewerUserId));
            default:
                try {
                    return new User(Ids.require(argument, Long.parseLong(value)));
                } catch (NumberFormatException e) {
                    throw new InvalidRequestException(argument, "must be anyone, unassigned, me or a user id, was '"
                            + text + "'");
                }
        }
    }

    /** The value {@link #parse} reads back as this filter ({@code me} is written as the user's id). */
    default String parameter() {
        return canonical().startsWith("user:") ? canonical().substring(5) : canonical();
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
            return Literals.eq(assignedTo, userId);
        }

        @Override
        public String canonical() {
            return "user:" + userId;
        }
    }
}

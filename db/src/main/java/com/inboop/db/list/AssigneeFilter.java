package com.inboop.db.list;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

import com.inboop.db.InvalidRequestException;
import com.inboop.db.assignment.Assignable;
import com.inboop.db.internal.check.Ids;
import com.inboop.db.internal.sql.Literals;

/** Whose items a list shows: anyone's, nobody's (unassigned), or one user's. */
public sealed interface AssigneeFilter {

    /** All items, assigned or not. */
    AssigneeFilter ANYONE = new Anyone();
    /** Items nobody is assigned to. */
    AssigneeFilter UNASSIGNED = new Unassigned();

    /** The viewer of a list read without one: {@code me} is then refused. */
    long NO_VIEWER = 0;

    /** Items assigned to {@code userId}. */
    static AssigneeFilter user(long userId) {
        return new User(Ids.require("assignee", userId));
    }

    /**
     * Reads a query parameter's value: {@code anyone} (or empty), {@code unassigned}, {@code me} (the viewing
     * user; refused if {@code viewerUserId} is {@link #NO_VIEWER}), or a user id.
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
                if (viewerUserId == NO_VIEWER) {
                    throw new InvalidRequestException(argument, "is 'me', which needs the user who is looking: read "
                            + "the parameters with fromQueryParameters(parameters, viewerUserId)");
                }
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

    /**
     * The value {@link #parse} reads back as this filter ({@code me} is written as the user's id): the filter's one
     * text form, in its list's query parameters and so in its cursors' scope.
     */
    String parameter();

    /** The condition on an assignee column (or expression). */
    Condition condition(Field<Long> assignedTo);

    /** The condition on an item kind's assignee, whichever of its assignee columns holds it. */
    default Condition condition(Assignable kind) {
        return this instanceof Unassigned ? kind.unassigned() : condition(kind.assignee());
    }

    /** No restriction. */
    record Anyone() implements AssigneeFilter {
        @Override
        public Condition condition(Field<Long> assignedTo) {
            return DSL.noCondition();
        }

        @Override
        public String parameter() {
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
        public String parameter() {
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
        public String parameter() {
            return Long.toString(userId);
        }
    }
}

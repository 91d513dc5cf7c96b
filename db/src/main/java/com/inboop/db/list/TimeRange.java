package com.inboop.db.list;

import java.time.LocalDateTime;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

import com.inboop.db.InvalidRequestException;

/**
 * A half-open range of UTC times, {@code from <= t < to}; either end may be open (null). Bounds lie in the years
 * 1 to 9999, which both Java and Postgres' {@code timestamp} hold; {@code from} must come before {@code to}.
 *
 * @param from the first time included, or null for no lower bound
 * @param to   the first time excluded, or null for no upper bound
 */
public record TimeRange(LocalDateTime from, LocalDateTime to) {

    /** No restriction. */
    public static final TimeRange ANY = new TimeRange(null, null);

    private static final LocalDateTime FIRST = LocalDateTime.of(1, 1, 1, 0, 0);
    private static final LocalDateTime LAST = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000);

    public TimeRange {
        requireInRange("from", from);
        requireInRange("to", to);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidRequestException("to", "must be after from (" + from + "), was " + to
                    + "; the range includes from and excludes to");
        }
    }

    /** Times from {@code from} on. */
    public static TimeRange from(LocalDateTime from) {
        return new TimeRange(com.inboop.db.internal.check.Arguments.require("from", from), null);
    }

    /** Whether the range restricts anything. */
    public boolean isAny() {
        return from == null && to == null;
    }

    /** The condition on a timestamp column; rows where it is NULL are outside any bounded range. */
    public Condition condition(Field<LocalDateTime> column) {
        return DSL.noCondition()
                .and(from == null ? DSL.noCondition() : column.ge(DSL.inline(from, column.getDataType())))
                .and(to == null ? DSL.noCondition() : column.lt(DSL.inline(to, column.getDataType())));
    }

    private static void requireInRange(String argument, LocalDateTime time) {
        if (time != null && (time.isBefore(FIRST) || time.isAfter(LAST))) {
            throw new InvalidRequestException(argument, "must be within the years 1 to 9999, was " + time);
        }
    }
}

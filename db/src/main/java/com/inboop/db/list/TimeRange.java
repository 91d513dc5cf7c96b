package com.inboop.db.list;

import java.time.LocalDateTime;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

import com.inboop.db.InvalidRequestException;
import com.inboop.db.internal.check.Arguments;
import com.inboop.db.internal.check.Times;

/**
 * A half-open range of UTC times, {@code from <= t < to}; either end may be open (null). Bounds lie in the years
 * 1 to 9999, which both Java and Postgres' {@code timestamp} hold; {@code from} must come before {@code to}. Postgres
 * keeps microseconds, so a bound finer than that is rounded up to the next microsecond, which selects exactly the rows
 * the finer bound would (a row at 00:00:00 is before a {@code to} of 00:00:00.0000001, and before 00:00:00.000001).
 *
 * @param from the first time included, or null for no lower bound
 * @param to   the first time excluded, or null for no upper bound
 */
public record TimeRange(LocalDateTime from, LocalDateTime to) {

    /** No restriction. */
    public static final TimeRange ANY = new TimeRange(null, null);

    public TimeRange {
        from = Times.upToMicros(Times.requireInRange("from", from));
        to = Times.upToMicros(Times.requireInRange("to", to));
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidRequestException("to", "must be after from (" + from + "), was " + to
                    + "; the range includes from and excludes to");
        }
    }

    /** Times from {@code from} on. */
    public static TimeRange from(LocalDateTime from) {
        return new TimeRange(Arguments.require("from", from), null);
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
}

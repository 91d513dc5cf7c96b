package com.inboop.db.internal.check;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import com.inboop.db.InvalidRequestException;

/**
 * Times as Postgres' {@code timestamp} keeps them: in the years 1 to 9999 (Java and Postgres both hold them; Postgres
 * would store year 0 as 1 BC and accept years Java cannot read back), to the microsecond (Postgres rounds anything
 * finer, so a time compared in SQL must be the time stored).
 */
public final class Times {

    /** The first time accepted. */
    public static final LocalDateTime FIRST = LocalDateTime.of(1, 1, 1, 0, 0);
    /** The last time accepted, to the microsecond. */
    public static final LocalDateTime LAST = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000);

    private Times() {
    }

    /**
     * Returns {@code time} if it is null or within {@link #FIRST} and {@link #LAST}.
     *
     * @throws InvalidRequestException naming {@code argument} otherwise
     */
    public static LocalDateTime requireInRange(String argument, LocalDateTime time) {
        if (time != null && (time.isBefore(FIRST) || time.isAfter(LAST))) {
            throw new InvalidRequestException(argument, "must be within the years 1 to 9999, was " + time);
        }
        return time;
    }

    /** {@code time} without what lies below the microsecond (null stays null). */
    public static LocalDateTime toMicros(LocalDateTime time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The first microsecond at or after {@code time} (null stays null). For the bounds of a half-open range over
     * microsecond values this keeps the range's rows exactly: a stored time {@code t} is at or after {@code from}
     * exactly when it is at or after {@code from} rounded up, and the same for {@code to}.
     */
    public static LocalDateTime upToMicros(LocalDateTime time) {
        LocalDateTime truncated = toMicros(time);
        return truncated == null || truncated.equals(time) ? truncated : truncated.plus(1, ChronoUnit.MICROS);
    }
}

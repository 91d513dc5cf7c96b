package com.inboop.db.internal.sql;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Time as Inboop's schema stores it: {@code timestamp without time zone}, in UTC (the backend writes UTC, and so
 * does every statement of this library, whatever the session's or the JVM's time zone).
 */
public final class UtcTime {

    /** The database's current time in UTC, for {@code updated_at} and similar columns. */
    public static final Field<LocalDateTime> NOW = DSL.field("timezone('UTC', now())", SQLDataType.LOCALDATETIME(6));

    /**
     * The sort key a missing timestamp falls back to, written inline so that the list queries' keys are the very
     * expressions the migrations index ({@code '1970-01-01 00:00:00'::timestamp}).
     */
    public static final Field<LocalDateTime> EPOCH =
            DSL.inline(LocalDateTime.of(1970, 1, 1, 0, 0), SQLDataType.LOCALDATETIME);

    private UtcTime() {
    }

    /** Microseconds since the epoch of a UTC timestamp (Postgres' precision). */
    public static long toMicros(LocalDateTime time) {
        return Math.addExact(Math.multiplyExact(time.toEpochSecond(ZoneOffset.UTC), 1_000_000L),
                time.getNano() / 1_000);
    }

    /** The UTC timestamp of a count of microseconds since the epoch. */
    public static LocalDateTime ofMicros(long micros) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                (int) Math.floorMod(micros, 1_000_000L) * 1_000, ZoneOffset.UTC);
    }
}

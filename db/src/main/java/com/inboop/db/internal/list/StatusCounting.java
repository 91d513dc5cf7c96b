package com.inboop.db.internal.list;

import java.util.EnumMap;
import java.util.Map;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.EnumType;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

import com.inboop.db.InvalidRequestException;
import com.inboop.db.list.ArchiveView;
import com.inboop.db.list.StatusCounts;

/** Counts rows by their status ({@code EffectiveStatus}: the typed column, else what the legacy one means). */
final class StatusCounting {

    private StatusCounting() {
    }

    /**
     * Groups by {@code status} in SQL; a row whose status is NULL (a legacy value without equivalent, or none)
     * counts as {@link StatusCounts#unset()}.
     */
    static <S extends Enum<S> & EnumType> StatusCounts<S> count(DSLContext dsl, Table<?> table, Field<S> status,
                                                                 Condition where) {
        Map<S, Long> byStatus = new EnumMap<>(status.getType());
        for (S value : status.getType().getEnumConstants()) {
            byStatus.put(value, 0L);
        }
        long unset = 0;
        for (var row : dsl.select(status, DSL.count()).from(table).where(where).groupBy(status).fetch()) {
            if (row.value1() == null) {
                unset += row.value2();
            } else {
                byStatus.put(row.value1(), (long) row.value2());
            }
        }
        return new StatusCounts<>(byStatus, unset);
    }

    static void requireView(ArchiveView view) {
        if (view == null) {
            throw new InvalidRequestException("view", "must be ACTIVE, ARCHIVED or ALL, was null");
        }
    }
}

package com.inboop.db.status;

import java.util.EnumMap;
import java.util.Map;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** Counts rows grouped by an enum status column. */
final class StatusCounting {

    private StatusCounting() {
    }

    static <S extends Enum<S>> StatusCounts<S> count(DSLContext dsl, Table<?> table, Field<S> status, Class<S> type,
                                                      Condition where) {
        Map<S, Long> byStatus = new EnumMap<>(type);
        for (S value : type.getEnumConstants()) {
            byStatus.put(value, 0L);
        }
        long[] unset = {0};
        dsl.select(status, DSL.count()).from(table).where(where).groupBy(status).fetch().forEach(r -> {
            if (r.value1() == null) {
                unset[0] = r.value2();
            } else {
                byStatus.put(r.value1(), (long) r.value2());
            }
        });
        return new StatusCounts<>(byStatus, unset[0]);
    }
}

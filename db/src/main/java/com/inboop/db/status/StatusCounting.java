package com.inboop.db.status;

import java.util.EnumMap;
import java.util.Map;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.EnumType;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

import com.inboop.db.ArchiveView;
import com.inboop.db.InvalidRequestException;
import com.inboop.db.legacy.LegacyMapping;

/** Counts rows by a status held in a typed column beside its legacy varchar one. */
final class StatusCounting {

    private StatusCounting() {
    }

    /**
     * Groups by the pair (typed, legacy) in SQL, then resolves each pair with {@code mapping} here: a row counts
     * under its typed value, else its legacy value's mapping, else as {@link StatusCounts#unset()}.
     */
    static <S extends Enum<S> & EnumType> StatusCounts<S> count(DSLContext dsl, Table<?> table, Field<S> typed,
                                                                 Field<String> legacy, LegacyMapping<S> mapping,
                                                                 Condition where) {
        Map<S, Long> byStatus = new EnumMap<>(mapping.type());
        for (S value : mapping.type().getEnumConstants()) {
            byStatus.put(value, 0L);
        }
        long[] unset = {0};
        dsl.select(typed, legacy, DSL.count()).from(table).where(where).groupBy(typed, legacy).fetch().forEach(r -> {
            S status = mapping.effective(r.value1(), r.value2());
            if (status == null) {
                unset[0] += r.value3();
            } else {
                byStatus.merge(status, (long) r.value3(), Long::sum);
            }
        });
        return new StatusCounts<>(byStatus, unset[0]);
    }

    static void requireView(ArchiveView view) {
        if (view == null) {
            throw new InvalidRequestException("view", "must be ACTIVE, ARCHIVED or ALL, was null");
        }
    }
}

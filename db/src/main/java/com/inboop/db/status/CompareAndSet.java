package com.inboop.db.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.EnumType;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

import com.inboop.db.legacy.LegacyMapping;

/**
 * One status change as a single UPDATE that applies only while the row still has the status the caller saw (and
 * any extra {@code guard} holds), writing the typed column and the legacy one together. Postgres re-checks the
 * WHERE clause on the row a concurrent writer changed, so of racing changes from the same status exactly one
 * applies; the others learn what the status became.
 */
final class CompareAndSet<S extends Enum<S> & EnumType> {

    private final Table<?> table;
    private final Field<S> typed;
    private final Field<String> legacy;
    private final LegacyMapping<S> mapping;

    CompareAndSet(Table<?> table, Field<S> typed, Field<String> legacy, LegacyMapping<S> mapping) {
        this.table = table;
        this.typed = typed;
        this.legacy = legacy;
        this.mapping = mapping;
    }

    /** Changes the row from {@code expected} to {@code target}; no rule beyond the status itself. */
    Transition<S> change(DSLContext dsl, Condition row, S expected, S target, Map<Field<?>, Field<?>> alsoSet,
                         Supplier<RuntimeException> notFound) {
        return change(dsl, row, expected, target, DSL.noCondition(), alsoSet, notFound,
                () -> new IllegalStateException("a change without a guard failed its guard"));
    }

    /**
     * Changes the row from {@code expected} to {@code target}.
     *
     * @param row         the row, within the caller's workspace, not deleted
     * @param guard       what else must hold for the change (a business rule on other columns)
     * @param alsoSet     other columns the change writes (timestamps)
     * @param notFound    thrown if {@code row} matches nothing
     * @param guardFailed thrown if the row still has {@code expected} but {@code guard} does not hold
     */
    Transition<S> change(DSLContext dsl, Condition row, S expected, S target, Condition guard,
                         Map<Field<?>, Field<?>> alsoSet, Supplier<RuntimeException> notFound,
                         Supplier<RuntimeException> guardFailed) {
        Map<Field<?>, Object> set = new LinkedHashMap<>(alsoSet);
        set.put(typed, target);
        set.put(legacy, target.getLiteral());
        int updated = dsl.update(table).set(set)
                .where(row.and(mapping.isIn(typed, legacy, List.of(expected))).and(guard))
                .execute();
        if (updated == 1) {
            return new Transition<>(true, target);
        }
        var current = dsl.select(typed, legacy).from(table).where(row).fetchOptional();
        if (current.isEmpty()) {
            throw notFound.get();
        }
        S now = mapping.effective(current.get().value1(), current.get().value2());
        if (now == expected) {
            throw guardFailed.get();
        }
        return new Transition<>(false, now);
    }
}

package com.inboop.db.internal.lifecycle;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.EnumType;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Table;
import org.jooq.impl.DSL;

import com.inboop.db.lifecycle.Transition;

/**
 * One status change as a single UPDATE that applies only while the row still has the status the caller saw (and
 * any extra {@code guard} holds), writing the typed column and the legacy one together. Postgres re-checks the
 * WHERE clause on the row a concurrent writer changed, so of racing changes from the same status exactly one
 * applies; the others learn what the status became.
 *
 * <p>The status compared is the row's {@code effective} one (typed, else legacy: {@code EffectiveStatus}), so a
 * legacy CONTACTED lead changes like a NEW one.
 */
public final class CompareAndSet<S extends Enum<S> & EnumType> {

    /**
     * How often a change that missed its row only because a concurrent change committed between its UPDATE and its
     * re-read is tried again. Each retry needs yet another change to commit in that window; ten in a row does not
     * happen outside a livelock, and then the last reading is reported.
     */
    private static final int RETRIES = 10;

    private final Table<?> table;
    private final Field<S> typed;
    private final Field<String> legacy;
    private final Field<S> effective;

    public CompareAndSet(Table<?> table, Field<S> typed, Field<String> legacy, Field<S> effective) {
        this.table = table;
        this.typed = typed;
        this.legacy = legacy;
        this.effective = effective;
    }

    /**
     * Applies {@code change} to {@code row}: its target, if the row still has its expected status and its guard holds.
     *
     * <p>Under READ COMMITTED the UPDATE and the re-read after a miss see the database at two moments: a change that
     * commits between them can make the re-read show the expected status although the UPDATE found another. The
     * re-read therefore also evaluates the guard: expected status and guard holding means the row only now
     * qualifies, and the change is tried again.
     *
     * @param row      the row, within the caller's workspace, not deleted
     * @param notFound thrown if {@code row} matches nothing
     */
    public Transition<S> change(DSLContext dsl, Condition row, StatusChange<S> change,
                                Supplier<RuntimeException> notFound) {
        S expected = change.expected();
        S target = change.target();
        Condition guard = change.guard();
        Map<Field<?>, Object> set = new LinkedHashMap<>(change.alsoSet());
        set.put(typed, target);
        set.put(legacy, target.getLiteral());
        Record2<S, Boolean> current = null;
        for (int attempt = 0; attempt <= RETRIES; attempt++) {
            int updated = dsl.update(table).set(set)
                    .where(row.and(effective.eq(DSL.inline(expected, effective.getDataType()))).and(guard))
                    .execute();
            if (updated == 1) {
                return new Transition<>(true, target);
            }
            current = dsl.select(effective, DSL.field(guard)).from(table).where(row).fetchOne();
            if (current == null) {
                throw notFound.get();
            }
            if (current.value1() != expected) {
                return new Transition<>(false, current.value1());
            }
            if (!Boolean.TRUE.equals(current.value2())) {
                throw change.guardFailed().get();
            }
        }
        return new Transition<>(false, current.value1());
    }
}

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
 * applies; the others learn what the status became, as a result rather than an exception.
 *
 * <p>The status compared is the row's {@code effective} one (typed, else legacy: {@code EffectiveStatus}), so a
 * legacy CONTACTED lead changes like a NEW one.
 */
public final class CompareAndSet<S extends Enum<S> & EnumType> {

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
     * <p>The first UPDATE decides most calls in one statement. When it misses, the row is read again under a row lock
     * ({@code FOR NO KEY UPDATE}): under READ COMMITTED the UPDATE's snapshot may predate a change that committed just
     * before the re-read, so only a locked reading, which no one can change until this transaction ends, says which
     * case the call is in: another status (a lost race, reported as a result), the expected status and a failing
     * guard (the rule's exception), or the expected status and a holding guard (the row only now qualifies: the same
     * UPDATE, on the locked row, applies). The reading and that UPDATE run in one transaction ({@link Atomically});
     * the first UPDATE in the caller's, if any.
     *
     * @param row      the row, within the caller's workspace, not deleted
     * @param notFound thrown if {@code row} matches nothing
     */
    public Transition<S> change(DSLContext dsl, Condition row, StatusChange<S> change,
                                Supplier<RuntimeException> notFound) {
        S expected = change.expected();
        Map<Field<?>, Object> set = new LinkedHashMap<>(change.alsoSet());
        set.put(typed, change.target());
        set.put(legacy, change.target().getLiteral());
        // trueCondition().and(...): a change without a guard (noCondition) still selects a boolean.
        Condition guard = DSL.trueCondition().and(change.guard());
        Condition qualifies = row.and(effective.eq(DSL.inline(expected, effective.getDataType()))).and(guard);
        if (dsl.update(table).set(set).where(qualifies).execute() == 1) {
            return new Transition<>(true, change.target());
        }
        return Atomically.result(dsl, configuration -> {
            DSLContext tx = configuration.dsl();
            Record2<S, Boolean> locked = tx.select(effective, DSL.field(guard)).from(table).where(row)
                    .forNoKeyUpdate().fetchOne();
            if (locked == null) {
                throw notFound.get();
            }
            if (locked.value1() != expected) {
                return new Transition<>(false, locked.value1());
            }
            if (!Boolean.TRUE.equals(locked.value2())) {
                throw change.guardFailed().get();
            }
            if (tx.update(table).set(set).where(qualifies).execute() != 1) {
                throw new IllegalStateException("a locked row that qualifies for " + expected + " -> "
                        + change.target() + " was not updated");
            }
            return new Transition<>(true, change.target());
        });
    }
}

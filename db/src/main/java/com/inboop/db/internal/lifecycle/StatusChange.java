package com.inboop.db.internal.lifecycle;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.jooq.Condition;
import org.jooq.EnumType;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * One status change as {@link CompareAndSet} applies it: from the status the caller saw to its target, only while a
 * guard holds (a business rule on other columns), writing other columns with it (its timestamps). Immutable; built
 * with {@link #of} and the {@code with...} steps.
 *
 * @param expected    the status the caller saw
 * @param target      the status to set
 * @param guard       what else must hold for the change
 * @param guardFailed thrown if the row has {@code expected} but {@code guard} does not hold
 * @param alsoSet     other columns the change writes, in order
 * @param <S>         the generated status enum
 */
public record StatusChange<S extends Enum<S> & EnumType>(S expected, S target, Condition guard,
                                                         Supplier<RuntimeException> guardFailed,
                                                         Map<Field<?>, Field<?>> alsoSet) {

    public StatusChange {
        alsoSet = Collections.unmodifiableMap(new LinkedHashMap<>(alsoSet));
    }

    /** From {@code expected} to {@code target}, no guard, writing {@code updatedAt} with it. */
    public static <S extends Enum<S> & EnumType> StatusChange<S> of(S expected, S target,
                                                                    Field<?> updatedAt, Field<?> now) {
        return new StatusChange<>(expected, target, DSL.noCondition(),
                () -> new IllegalStateException("a change without a guard failed its guard"), Map.of(updatedAt, now));
    }

    /** This change, only while {@code condition} holds; {@code failed} is thrown when only the condition stops it. */
    public StatusChange<S> withGuard(Condition condition, Supplier<RuntimeException> failed) {
        return new StatusChange<>(expected, target, condition, failed, alsoSet);
    }

    /** This change, also setting {@code column} to {@code value}. */
    public StatusChange<S> withAlso(Field<?> column, Field<?> value) {
        Map<Field<?>, Field<?>> more = new LinkedHashMap<>(alsoSet);
        more.put(column, value);
        return new StatusChange<>(expected, target, guard, guardFailed, more);
    }
}

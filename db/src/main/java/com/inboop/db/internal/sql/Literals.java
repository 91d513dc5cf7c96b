package com.inboop.db.internal.sql;

import java.util.Collection;
import java.util.List;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Filter values written into the SQL as literals rather than bind values. From a statement's sixth execution on a
 * connection the PostgreSQL driver gets a generic plan, built without the bind values: the planner then guesses
 * every filter's selectivity from defaults (0.5% for a range, one n-th for an equality), and for a large workspace
 * it prefers to sort every matching row over reading the list's index in order. With literals it sees what each
 * filter keeps, under a generic plan as under a custom one. Only values with few distinct settings are inlined
 * (statuses, channels, dates, ids of a workspace and its users), so statements are still reused; the cursor's
 * position, which differs on every page, stays a bind value. Values are validated before (codes, enums, ids,
 * times), and jOOQ escapes literals, so nothing a caller passes is SQL.
 */
public final class Literals {

    private Literals() {
    }

    /** {@code field IN (literal, ...)}; {@code values} must not be empty. */
    public static <T> Condition in(Field<T> field, Collection<? extends T> values) {
        List<Field<T>> literals = values.stream().<Field<T>>map(v -> DSL.inline(v, field.getDataType())).toList();
        return literals.size() == 1 ? field.eq(literals.get(0)) : field.in(literals);
    }

    /** {@code field = literal}. */
    public static <T> Condition eq(Field<T> field, T value) {
        return field.eq(DSL.inline(value, field.getDataType()));
    }
}

package com.inboop.db.internal.statement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jooq.Field;

/**
 * A select list written once: each {@link #add}ed field is selected in that order and read back by its position
 * ({@link Column}), so that the statement and the code reading its rows cannot disagree about which column is where.
 */
public final class Columns {

    private final List<Field<?>> fields = new ArrayList<>();

    /** {@code field} as the next column of the select list. */
    public <T> Column<T> add(Field<T> field) {
        fields.add(field);
        return Column.of(fields.size(), field);
    }

    /** The select list, in order. */
    public List<Field<?>> fields() {
        return Collections.unmodifiableList(fields);
    }
}

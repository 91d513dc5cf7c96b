package com.inboop.db.internal.statement;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jooq.EnumType;
import org.jooq.Field;

/**
 * A column of a select list ({@link Columns}) read back from the driver's result set by its position, as the type its
 * jOOQ field declares: what jOOQ would make of it, without building a record first.
 *
 * @param <T> the column's Java type
 */
public final class Column<T> {

    private final int position;
    private final Reading<T> reading;

    private Column(int position, Reading<T> reading) {
        this.position = position;
        this.reading = reading;
    }

    /** {@code field} at 1-based {@code position} of a select list. */
    static <T> Column<T> of(int position, Field<T> field) {
        return new Column<>(position, readingOf(field));
    }

    /** This column's value in the result set's current row, {@code null} for SQL NULL. */
    public T read(ResultSet row) throws SQLException {
        return reading.read(row, position);
    }

    /** How a value of one Java type is read. */
    @FunctionalInterface
    private interface Reading<T> {
        T read(ResultSet row, int position) throws SQLException;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> Reading<T> readingOf(Field<T> field) {
        Class<T> type = field.getType();
        Reading<?> reading;
        if (type == Long.class) {
            reading = (row, at) -> {
                long value = row.getLong(at);
                return row.wasNull() ? null : value;
            };
        } else if (type == Integer.class) {
            reading = (row, at) -> {
                int value = row.getInt(at);
                return row.wasNull() ? null : value;
            };
        } else if (type == Boolean.class) {
            reading = (row, at) -> {
                boolean value = row.getBoolean(at);
                return row.wasNull() ? null : value;
            };
        } else if (type == String.class) {
            reading = ResultSet::getString;
        } else if (type == BigDecimal.class) {
            reading = ResultSet::getBigDecimal;
        } else if (type == LocalDateTime.class) {
            reading = (row, at) -> row.getObject(at, LocalDateTime.class);
        } else if (EnumType.class.isAssignableFrom(type) && type.isEnum()) {
            reading = enumReading((Class) type);
        } else {
            throw new IllegalArgumentException("No reading for column " + field.getName() + " of type "
                    + type.getName() + "; add one to " + Column.class.getName());
        }
        return (Reading<T>) reading;
    }

    /**
     * A Postgres ENUM's label as its generated Java enum; a label this build's enum does not have (appended by a later
     * migration) reads as {@code null}, as jOOQ reads it.
     */
    private static <E extends Enum<E> & EnumType> Reading<E> enumReading(Class<E> type) {
        Map<String, E> byLiteral = Arrays.stream(type.getEnumConstants())
                .collect(Collectors.toUnmodifiableMap(EnumType::getLiteral, Function.identity()));
        return (row, at) -> {
            String literal = row.getString(at);
            return literal == null ? null : byLiteral.get(literal);
        };
    }
}

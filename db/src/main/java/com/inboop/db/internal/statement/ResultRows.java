package com.inboop.db.internal.statement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.QueryPart;
import org.jooq.ResultQuery;

import com.inboop.db.internal.failure.DatabaseFailures;

/**
 * Runs a query through jOOQ (its connection provider, so the caller's transaction; its execute listeners, so logging
 * and exception translation) and reads the rows from the driver's result set with a {@link RowReader}, without
 * jOOQ's records: reading a page into records and mapping them cost more Java time than the page's statement.
 */
public final class ResultRows {

    private ResultRows() {
    }

    /** Every row of {@code query}, read by {@code reader}. */
    public static <T> List<T> read(ResultQuery<?> query, RowReader<T> reader) {
        List<T> rows = new ArrayList<>();
        try (ResultSet row = query.fetchResultSet()) {
            while (row.next()) {
                rows.add(reader.read(row));
            }
        } catch (SQLException e) {
            throw DatabaseFailures.translate(e);
        }
        return rows;
    }

    /**
     * Every row of {@code statement} selecting {@code columns}, its placeholders bound to {@code values} in order.
     */
    public static <T> List<T> read(DSLContext dsl, RenderedStatement statement, List<Field<?>> columns,
                                   RowReader<T> reader, QueryPart... values) {
        return read(statement.query(dsl, values).coerce(columns), reader);
    }
}

package com.inboop.db.internal.statement;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of a result set as a value: reads the current row's columns by their positions ({@link Column#read}) and
 * never moves the result set.
 *
 * @param <T> the row's type
 */
@FunctionalInterface
public interface RowReader<T> {

    /** The current row of {@code row}. */
    T read(ResultSet row) throws SQLException;
}

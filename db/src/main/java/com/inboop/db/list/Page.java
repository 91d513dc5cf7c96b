package com.inboop.db.list;

import java.util.List;
import java.util.Optional;

/**
 * One page of rows and, if more may follow, the cursor to the next page.
 *
 * @param rows       the rows, in the query's order
 * @param nextCursor opaque; pass it to {@link PageRequest#after(String)}. Empty on the last page.
 * @param <T>        the row type
 */
public record Page<T>(List<T> rows, Optional<String> nextCursor) {

    public Page {
        rows = List.copyOf(rows);
    }
}

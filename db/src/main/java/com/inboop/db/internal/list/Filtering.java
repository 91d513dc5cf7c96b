package com.inboop.db.internal.list;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jooq.Condition;

import com.inboop.db.list.TextSearch;

/**
 * What a list's filter contributes to a page: its condition (the search excepted), its search, and its query
 * parameters, the one serialisation of the filter, to which cursors are bound.
 *
 * @param condition       the filter's SQL condition on the list's table, without the search; built only when a
 *                        statement is (a page whose statement was rendered before needs none)
 * @param search          the text search, {@link TextSearch#NONE} for none
 * @param queryParameters the filter as its {@code toQueryParameters} writes it
 */
public record Filtering(Supplier<Condition> condition, TextSearch search, Map<String, List<String>> queryParameters) {
}

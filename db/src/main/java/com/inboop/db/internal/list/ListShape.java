package com.inboop.db.internal.list;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.EnumType;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.Record;
import org.jooq.RecordMapper;
import org.jooq.SelectConditionStep;
import org.jooq.Table;

import com.inboop.db.internal.check.Arguments;
import com.inboop.db.internal.check.Ids;
import com.inboop.db.internal.sql.WorkspaceScope;
import com.inboop.db.list.ArchiveView;
import com.inboop.db.list.Cursors;
import com.inboop.db.list.Page;
import com.inboop.db.list.PageRequest;
import com.inboop.db.list.QueryParameters;
import com.inboop.db.list.StatusCounts;
import com.inboop.db.list.TextSearch;

/**
 * One list (the inbox, the leads, the orders) described once: its table and columns, its order, its select and row
 * mapper, and its search. Every list is paged, searched, counted and cursor-bound by this one class, the same way.
 *
 * @param name       the list's name, part of its cursors' scope
 * @param table      the list's table
 * @param key        the sort key (a timestamp, descending, never NULL), the expression the list's indexes hold
 * @param id         the id, the tiebreaker (descending)
 * @param businessId the column that ties a row to its business, and so to a workspace
 * @param deletedAt  soft deletion: a row with it set is never listed or counted
 * @param archivedAt archiving: the {@link ArchiveView} a row is in
 * @param select     the list's select (sort key named {@link Keyset#SORT_KEY}) of the rows where a condition holds
 * @param mapper     a selected row to the list's row type
 * @param position   a row's place in the list: its sort key and id, where the next page starts
 * @param search     a text search as the list finds it, given the workspace's businesses
 * @param <R>        the select's record
 * @param <T>        the list's row type
 */
public record ListShape<R extends Record, T>(String name, Table<?> table, Field<LocalDateTime> key, Field<Long> id,
                                             Field<Long> businessId, Field<LocalDateTime> deletedAt,
                                             Field<LocalDateTime> archivedAt,
                                             Function<Condition, SelectConditionStep<R>> select,
                                             RecordMapper<? super R, T> mapper,
                                             Function<T, Cursors.Position> position,
                                             BiFunction<TextSearch, List<Long>, Keyset.Search> search) {

    /**
     * One page of the workspace's rows under {@code filtering}, after the request's cursor (checked against this list,
     * the workspace and the filter's query parameters).
     */
    public Page<T> page(DSLContext dsl, Cursors cursors, long workspaceId, Filtering filtering, PageRequest request) {
        Ids.require("workspaceId", workspaceId);
        Arguments.require("request", request);
        String scope = name + ":" + workspaceId + ":"
                + Cursors.fingerprint(QueryParameters.format(filtering.queryParameters()));
        List<Long> businesses = WorkspaceScope.businessesOf(dsl, workspaceId);
        Condition listed = deletedAt.isNull().and(filtering.condition());
        Optional<Keyset.Search> searched = filtering.search().isNone() ? Optional.empty()
                : Optional.of(search.apply(filtering.search(), businesses));
        Optional<Cursors.Position> after = request.cursor().map(cursor -> cursors.decode(scope, cursor));
        List<T> rows = Keyset.rows(dsl, this, businesses, listed, searched, after, request.limit() + 1);
        if (rows.size() <= request.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<T> page = rows.subList(0, request.limit());
        return new Page<>(page, Optional.of(cursors.encode(scope, position.apply(page.get(page.size() - 1)))));
    }

    /** The workspace's rows in {@code view} per {@code status}; NULL counts as {@link StatusCounts#unset()}. */
    public <S extends Enum<S> & EnumType> StatusCounts<S> count(DSLContext dsl, long workspaceId, ArchiveView view,
                                                                Field<S> status) {
        Ids.require("workspaceId", workspaceId);
        StatusCounting.requireView(view);
        Condition where = WorkspaceScope.businessIn(businessId, WorkspaceScope.businessesOf(dsl, workspaceId))
                .and(deletedAt.isNull()).and(view.condition(archivedAt));
        return StatusCounting.count(dsl, table, status, where);
    }

    /**
     * A search that one condition on the list's own row serves: the expression its trigram index holds
     * ({@code searched}, the {@code parts} joined by spaces), checked then on each part alone ({@link #withinEach}).
     */
    public static BiFunction<TextSearch, List<Long>, Keyset.Search> searching(Field<String> searched,
                                                                           List<Field<String>> parts) {
        return (text, businesses) -> {
            Condition matches = withinEach(text, parts);
            return new Keyset.Search(matches, text.condition(searched).and(matches));
        };
    }

    /**
     * The term within one of {@code parts}, each on its own: the indexed text joins them with spaces, so a term that
     * spans a join ({@code "1-10 handle"} for name {@code Customer 1-10} and handle {@code handle_1_10}) must not
     * match. A prefix is the first part's, as the joined text starts with it. Every row this accepts the condition
     * on the joined text accepts too, so the index finds them all.
     */
    public static Condition withinEach(TextSearch text, List<Field<String>> parts) {
        if (text.prefix()) {
            return text.condition(DSL.coalesce(parts.get(0), DSL.inline("")));
        }
        return DSL.or(parts.stream().map(part -> text.condition(DSL.coalesce(part, DSL.inline("")))).toList());
    }
}

package com.inboop.db.internal.list;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.EnumType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.SelectConditionStep;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import com.inboop.db.internal.check.Arguments;
import com.inboop.db.internal.check.Ids;
import com.inboop.db.internal.sql.WorkspaceScope;
import com.inboop.db.internal.statement.Columns;
import com.inboop.db.internal.statement.RenderedStatement;
import com.inboop.db.internal.statement.RenderedStatements;
import com.inboop.db.internal.statement.ResultRows;
import com.inboop.db.internal.statement.RowReader;
import com.inboop.db.list.ArchiveView;
import com.inboop.db.list.Cursors;
import com.inboop.db.list.Page;
import com.inboop.db.list.PageRequest;
import com.inboop.db.list.QueryParameters;
import com.inboop.db.list.StatusCounts;
import com.inboop.db.list.TextSearch;

/**
 * One list (the inbox, the leads, the orders) described once: its table and columns, its order, its select and row
 * reader, and its search. Every list is paged, searched, counted and cursor-bound by this one class, the same way.
 *
 * <p>A page without a search runs a statement rendered once per shape ({@link RenderedStatements}: the workspace's
 * businesses, the filter, the page size, whether a cursor is given) with the cursor's sort key and id bound, and its
 * rows are read from the driver's result set ({@link ResultRows}); the workspace's businesses are looked up by a
 * statement rendered once too. Both still run through the caller's {@code DSLContext}. A search builds its statements
 * on each call: its terms vary from call to call, and it costs milliseconds where rendering costs microseconds.
 *
 * @param <T> the list's row type
 */
public final class ListShape<T> {

    /**
     * How many page statements a list keeps rendered: a shape per workspace size and filter in use at once; a shape
     * forgotten is rendered again when it comes back (tens of microseconds).
     */
    static final int RENDERED_PAGES = 512;

    /**
     * How much page statement text a list keeps, in characters (about as many bytes): a default page of a workspace of
     * one business is 1,100-1,400 characters (measured), a filter adds its conditions, and each further business adds
     * a UNION ALL branch of as many.
     */
    static final long RENDERED_CHARACTERS = 2_000_000;

    /** A business id, the one column of the business lookup. */
    private static final RowReader<Long> BUSINESS_ID = row -> row.getLong(1);

    private final DSLContext dsl;
    private final String name;
    private final Table<?> table;
    private final Field<LocalDateTime> key;
    private final Field<Long> id;
    private final Field<Long> businessId;
    private final Field<LocalDateTime> deletedAt;
    private final Field<LocalDateTime> archivedAt;
    private final List<Field<?>> columns;
    private final RowReader<T> reader;
    private final Function<T, Cursors.Position> position;
    private final BiFunction<TextSearch, List<Long>, Keyset.Search> search;
    private final RenderedStatements<PageShape> pages;
    private final RenderedStatement businessLookup;
    private final List<Field<?>> businessLookupColumns;

    /**
     * @param dsl        the caller's jOOQ context, failures translated ({@code DatabaseFailures.translating})
     * @param name       the list's name, part of its cursors' scope
     * @param table      the list's table
     * @param key        the sort key (a timestamp, descending, never NULL), the expression the list's indexes hold
     * @param id         the id, the tiebreaker (descending)
     * @param businessId the column that ties a row to its business, and so to a workspace
     * @param deletedAt  soft deletion: a row with it set is never listed or counted
     * @param archivedAt archiving: the {@link ArchiveView} a row is in
     * @param columns    the list's select list (sort key named {@link Keyset#SORT_KEY}), from {@code table}
     * @param reader     a selected row as the list's row type, read by the columns' positions
     * @param position   a row's place in the list: its sort key and id, where the next page starts
     * @param search     a text search as the list finds it, given the workspace's businesses
     */
    public ListShape(DSLContext dsl, String name, Table<?> table, Field<LocalDateTime> key, Field<Long> id,
                     Field<Long> businessId, Field<LocalDateTime> deletedAt, Field<LocalDateTime> archivedAt,
                     Columns columns, RowReader<T> reader, Function<T, Cursors.Position> position,
                     BiFunction<TextSearch, List<Long>, Keyset.Search> search) {
        this.dsl = dsl;
        this.name = name;
        this.table = table;
        this.key = key;
        this.id = id;
        this.businessId = businessId;
        this.deletedAt = deletedAt;
        this.archivedAt = archivedAt;
        this.columns = List.copyOf(columns.fields());
        this.reader = reader;
        this.position = position;
        this.search = search;
        this.pages = new RenderedStatements<>(dsl, RENDERED_PAGES, RENDERED_CHARACTERS);
        Select<?> lookup = WorkspaceScope.businessLookup(RenderedStatements.placeholder(0, SQLDataType.BIGINT));
        this.businessLookup = RenderedStatements.render(dsl, lookup);
        this.businessLookupColumns = List.copyOf(lookup.getSelect());
    }

    /**
     * What a page statement's text depends on, besides the cursor's values.
     *
     * @param businesses  the workspace's businesses, written into the statement as literals
     * @param parameters  the filter's query parameters (which determine the filter: it round-trips through them)
     * @param afterCursor whether the page starts after a cursor (bound) or at the top
     * @param fetch       the rows asked for, written as a literal
     */
    private record PageShape(List<Long> businesses, Map<String, List<String>> parameters, boolean afterCursor,
                             int fetch) {
    }

    /**
     * One page of the workspace's rows under {@code filtering}, after the request's cursor (checked against this list,
     * the workspace and the filter's query parameters).
     */
    public Page<T> page(Cursors cursors, long workspaceId, Filtering filtering, PageRequest request) {
        Ids.require("workspaceId", workspaceId);
        Arguments.require("request", request);
        String scope = name + ":" + workspaceId + ":"
                + Cursors.fingerprint(QueryParameters.format(filtering.queryParameters()));
        Optional<Cursors.Position> after = request.cursor().map(cursor -> cursors.decode(scope, cursor));
        List<Long> businesses = ResultRows.read(dsl, businessLookup, businessLookupColumns, BUSINESS_ID,
                DSL.val(workspaceId));
        int fetch = request.limit() + 1;
        // A search's business ids are typed keys: its index holds the business beside the text (V058..V062), and so
        // finds this workspace's matches only.
        List<T> rows = filtering.search().isNone()
                ? ordered(businesses, filtering, after, fetch)
                : Keyset.searched(dsl, this, WorkspaceScope.businessKeyIn(businessId, businesses)
                        .and(listed(filtering)), search.apply(filtering.search(), businesses), after, fetch);
        if (rows.size() <= request.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<T> page = rows.subList(0, request.limit());
        return new Page<>(page, Optional.of(cursors.encode(scope, position.apply(page.get(page.size() - 1)))));
    }

    /**
     * A page without a search: its statement rendered once for its shape (one index range scan per business, merged
     * for several: {@link Keyset#page}), the cursor's values bound.
     */
    private List<T> ordered(List<Long> businesses, Filtering filtering, Optional<Cursors.Position> after, int fetch) {
        PageShape shape = new PageShape(businesses, filtering.queryParameters(), after.isPresent(), fetch);
        RenderedStatement statement = pages.statement(shape, () -> Keyset.page(
                scope -> select(scope.and(listed(filtering))).orderBy(key.desc(), id.desc()),
                WorkspaceScope.eachBusiness(businessId, businesses),
                after.map(cursor -> Keyset.After.placeholders(key, id)), fetch));
        return after.isEmpty() ? ResultRows.read(dsl, statement, columns, reader)
                : ResultRows.read(dsl, statement, columns, reader, Keyset.After.of(after.get(), key, id).values());
    }

    /** The list's rows, not deleted, where the filter holds. */
    private Condition listed(Filtering filtering) {
        return deletedAt.isNull().and(filtering.condition().get());
    }

    /** The list's select of the rows where {@code where} holds. */
    SelectConditionStep<Record> select(Condition where) {
        return dsl.select(columns).from(table).where(where);
    }

    Table<?> table() {
        return table;
    }

    Field<LocalDateTime> key() {
        return key;
    }

    Field<Long> id() {
        return id;
    }

    List<Field<?>> columns() {
        return columns;
    }

    RowReader<T> reader() {
        return reader;
    }

    /** How many page statements this list keeps rendered now ({@link #RENDERED_PAGES} at most). */
    public int renderedPages() {
        return pages.size();
    }

    /** The workspace's rows in {@code view} per {@code status}; NULL counts as {@link StatusCounts#unset()}. */
    public <S extends Enum<S> & EnumType> StatusCounts<S> count(long workspaceId, ArchiveView view, Field<S> status) {
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

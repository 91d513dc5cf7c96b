package com.inboop.db.internal.list;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.QueryPart;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.SelectSeekStep2;
import org.jooq.Table;
import org.jooq.impl.DSL;

import com.inboop.db.internal.statement.RenderedStatements;
import com.inboop.db.internal.statement.ResultRows;
import com.inboop.db.list.Cursors;

/**
 * Keyset pages of the lists, ordered by (a timestamp, an id), both descending: jOOQ's {@code seek} after the cursor's
 * position, one row more than the limit to know whether a next page exists; per business and merged for a workspace
 * of several ({@link #page(Function, List, Optional, int)}), and windowed for a text search
 * ({@link Search}). {@link ListShape} pages a list with it.
 */
public final class Keyset {

    /** The fewest rows a search reads in list order before it turns to the search's index (20 per row asked for). */
    public static final int SEARCH_WINDOW = 1_000;

    /** The output name of a list query's sort key, so that a union of per-business pages can be ordered by it. */
    public static final String SORT_KEY = "keyset_time";

    private Keyset() {
    }

    /**
     * A text search in the two forms a list needs.
     *
     * @param matches the search checked on a row
     * @param indexed the search as its index finds it (the same as {@code matches} where one index serves it)
     */
    public record Search(Condition matches, Condition indexed) {

        /** A search that one index serves as it is written. */
        public static Search of(Condition matches) {
            return new Search(matches, matches);
        }
    }

    /**
     * Where a page starts, as the statement writes it: the previous page's last sort key and id, as bind values
     * ({@link #of}) or as placeholders bound on each run of a statement rendered once ({@link #placeholders}).
     *
     * @param time the sort key
     * @param id   the id
     */
    public record After(Field<LocalDateTime> time, Field<Long> id) {

        /** {@code position} as bind values of the types of the list's {@code key} and {@code id}. */
        static After of(Cursors.Position position, Field<LocalDateTime> key, Field<Long> id) {
            return new After(DSL.val(position.time(), key.getDataType()), DSL.val(position.id(), id.getDataType()));
        }

        /** Placeholders 0 (the sort key) and 1 (the id) of a statement rendered once. */
        static After placeholders(Field<LocalDateTime> key, Field<Long> id) {
            return new After(RenderedStatements.placeholder(0, key.getDataType()),
                    RenderedStatements.placeholder(1, id.getDataType()));
        }

        /** The two, in placeholder order. */
        QueryPart[] values() {
            return new QueryPart[] {time, id};
        }
    }

    /** {@code key} named {@link #SORT_KEY}, for a list query's select list. */
    public static Field<LocalDateTime> sortKey(Field<LocalDateTime> key) {
        return key.as(SORT_KEY);
    }

    /**
     * The statement of at most {@code fetch} rows after {@code after} of the list that {@code orderedFor} builds for
     * each of {@code scopes} (a workspace's businesses). One scope is one query. Several are one query too, a UNION
     * ALL of each scope's own page (an ordered index range scan of at most {@code fetch} rows) ordered and cut to
     * {@code fetch}: a workspace of several businesses reads at most {@code fetch} rows per business, on page 1,000 as
     * on page 1, instead of sorting all of its rows. The queries must name their sort key {@link #SORT_KEY}, their id
     * {@code id}, and every other computed column uniquely.
     */
    static Select<Record> page(Function<Condition, SelectSeekStep2<Record, LocalDateTime, Long>> orderedFor,
                               List<Condition> scopes, Optional<After> after, int fetch) {
        if (scopes.size() == 1) {
            return page(orderedFor.apply(scopes.get(0)), after, fetch);
        }
        Select<Record> union = null;
        for (Condition scope : scopes) {
            Select<Record> page = page(orderedFor.apply(scope), after, fetch);
            union = union == null ? page : union.unionAll(page);
        }
        Table<Record> pages = union.asTable("scope_pages");
        return DSL.using(union.configuration()).selectFrom(pages)
                .orderBy(pages.field(SORT_KEY).desc(), pages.field("id").desc())
                .limit(DSL.inline(fetch));
    }

    /**
     * At most {@code fetch} rows after {@code after} of a list under a text search, found the cheaper of two ways
     * whatever the planner estimates. First the next {@link #SEARCH_WINDOW} rows of the list in its order are read and
     * the search checked on each (an index range scan: a common term fills a page there). Only if they hold less than
     * {@code fetch} matches is the list searched through the search's index: the same query ordered by the sort key
     * plus nothing ({@code key + interval '0 seconds'}), which no index provides, so that the planner finds the
     * matches through the trigram index and sorts them, rather than reading the list in order on an estimate that
     * assumes matches spread evenly (they cluster: a customer's orders, a day's tracking numbers).
     *
     * @param listed the list's rows (workspace, not deleted, the other filters)
     */
    static <T> List<T> searched(DSLContext dsl, ListShape<T> list, Condition listed, Search search,
                                Optional<Cursors.Position> after, int fetch) {
        Field<LocalDateTime> key = list.key();
        Field<Long> id = list.id();
        Optional<After> from = after.map(a -> After.of(a, key, id));
        int window = Math.max(SEARCH_WINDOW, 20 * fetch);
        Condition afterCursor = after.map(a -> DSL.row(key, id).lt(a.time(), a.id())).orElse(DSL.noCondition());
        Optional<Cursors.Position> windowEnd = dsl.select(key, id).from(list.table())
                .where(listed.and(afterCursor))
                .orderBy(key.desc(), id.desc())
                .offset(window - 1).limit(1)
                .fetchOptional(r -> Cursors.Position.of(r.value1(), r.value2()));
        // The window as a range of the key too (implied by the row comparison): the planner estimates a row
        // comparison poorly, and took the business's every row, filtered, for a window it thought nearly empty.
        Condition inWindow = windowEnd.map(end -> DSL.row(key, id).ge(end.time(), end.id()).and(key.ge(end.time())))
                .orElse(DSL.noCondition());
        SelectSeekStep2<Record, LocalDateTime, Long> inOrder = list.select(listed.and(inWindow)
                .and(search.matches())).orderBy(key.desc(), id.desc());
        List<T> found = ResultRows.read(page(inOrder, from, fetch), list.reader());
        if (found.size() == fetch || windowEnd.isEmpty()) {
            return found;
        }
        Field<LocalDateTime> notIndexed = DSL.field("({0} + interval '0 seconds')", key.getDataType(), key);
        SelectSeekStep2<Record, LocalDateTime, Long> byIndex = list.select(listed.and(search.indexed()))
                .orderBy(notIndexed.desc(), id.desc());
        return ResultRows.read(page(byIndex, from, fetch), list.reader());
    }

    /** The statement of at most {@code fetch} rows of {@code ordered} after {@code after}. */
    private static Select<Record> page(SelectSeekStep2<Record, LocalDateTime, Long> ordered, Optional<After> after,
                                       int fetch) {
        // The limit is inlined: under a generic plan a bind-value LIMIT is costed as a tenth of the rows, which
        // makes a sort of everything after the cursor look cheaper than reading the index in order.
        Param<Integer> limit = DSL.inline(fetch);
        return after.isPresent() ? ordered.seek(after.get().time(), after.get().id()).limit(limit)
                : ordered.limit(limit);
    }
}

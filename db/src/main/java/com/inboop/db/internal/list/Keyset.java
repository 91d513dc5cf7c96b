package com.inboop.db.internal.list;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.RecordMapper;
import org.jooq.Select;
import org.jooq.SelectSeekStep2;
import org.jooq.Table;
import org.jooq.impl.DSL;

import com.inboop.db.internal.sql.WorkspaceScope;
import com.inboop.db.list.Cursors;

/**
 * Keyset pages of the lists, ordered by (a timestamp, an id), both descending: jOOQ's {@code seek} after the cursor's
 * position, one row more than the limit to know whether a next page exists; per business and merged for a workspace
 * of several ({@link #rows(Function, List, Optional, int, RecordMapper)}), and windowed for a text search
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
     * At most {@code fetch} rows of {@code list} after {@code after}: those of the workspace's {@code businesses}
     * where {@code listed} holds, and {@code search} if there is one. Without a search, each business's page is one
     * index range scan (merged for several: {@link #rows(Function, List, Optional, int, RecordMapper)}); with one,
     * the rows come from the cheaper of two ways, as the private {@code searched} says.
     */
    static <R extends Record, T> List<T> rows(DSLContext dsl, ListShape<R, T> list, List<Long> businesses,
                                              Condition listed, Optional<Search> search,
                                              Optional<Cursors.Position> after, int fetch) {
        if (search.isEmpty()) {
            return rows(scope -> list.select().apply(scope.and(listed)).orderBy(list.key().desc(), list.id().desc()),
                    WorkspaceScope.eachBusiness(list.businessId(), businesses), after, fetch, list.mapper());
        }
        // Typed keys: the search's index holds the business beside the text (V058..V062), and so finds this
        // workspace's matches only.
        Condition inWorkspace = WorkspaceScope.businessKeyIn(list.businessId(), businesses).and(listed);
        return searched(dsl, list, inWorkspace, search.get(), after, fetch);
    }

    /** {@code key} named {@link #SORT_KEY}, for a list query's select list. */
    public static Field<LocalDateTime> sortKey(Field<LocalDateTime> key) {
        return key.as(SORT_KEY);
    }

    /**
     * At most {@code fetch} rows after {@code after} of the list that {@code orderedFor} builds for each of
     * {@code scopes} (a workspace's businesses). One scope is one query. Several are one query too, a UNION ALL of each
     * scope's own page (an ordered index range scan of at most {@code fetch} rows) ordered and cut to {@code fetch}:
     * a workspace of several businesses reads at most {@code fetch} rows per business, on page 1,000 as on page 1,
     * instead of sorting all of its rows. The queries must name their sort key {@link #SORT_KEY}, their id
     * {@code id}, and every other computed column uniquely.
     */
    static <R extends Record, T> List<T> rows(
            Function<Condition, SelectSeekStep2<R, LocalDateTime, Long>> orderedFor, List<Condition> scopes,
            Optional<Cursors.Position> after, int fetch, RecordMapper<? super R, T> mapper) {
        if (scopes.size() == 1) {
            return rows(orderedFor.apply(scopes.get(0)), after, fetch, mapper);
        }
        Param<Integer> limit = DSL.inline(fetch);
        Select<R> union = null;
        for (Condition scope : scopes) {
            SelectSeekStep2<R, LocalDateTime, Long> ordered = orderedFor.apply(scope);
            Select<R> page = after.isPresent()
                    ? ordered.seek(after.get().time(), after.get().id()).limit(limit)
                    : ordered.limit(limit);
            union = union == null ? page : union.unionAll(page);
        }
        Table<R> pages = union.asTable("scope_pages");
        return DSL.using(union.configuration()).selectFrom(pages)
                .orderBy(pages.field(SORT_KEY).desc(), pages.field("id").desc())
                .limit(limit)
                .fetch(mapper);
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
    private static <R extends Record, T> List<T> searched(DSLContext dsl, ListShape<R, T> list, Condition listed,
                                                          Search search, Optional<Cursors.Position> after,
                                                          int fetch) {
        Field<LocalDateTime> key = list.key();
        Field<Long> id = list.id();
        RecordMapper<? super R, T> mapper = list.mapper();
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
        List<T> found = rows(list.select().apply(listed.and(inWindow).and(search.matches())).orderBy(key.desc(), id.desc()), after,
                fetch, mapper);
        if (found.size() == fetch || windowEnd.isEmpty()) {
            return found;
        }
        Field<LocalDateTime> notIndexed = DSL.field("({0} + interval '0 seconds')", key.getDataType(), key);
        return rows(list.select().apply(listed.and(search.indexed())).orderBy(notIndexed.desc(), id.desc()), after, fetch, mapper);
    }

    /** At most {@code fetch} rows of {@code ordered} after {@code after}. */
    static <R extends Record, T> List<T> rows(SelectSeekStep2<R, LocalDateTime, Long> ordered,
                                                     Optional<Cursors.Position> after, int fetch,
                                                     RecordMapper<? super R, T> mapper) {
        // The limit is inlined: under a generic plan a bind-value LIMIT is costed as a tenth of the rows, which
        // makes a sort of everything after the cursor look cheaper than reading the index in order.
        Param<Integer> limit = DSL.inline(fetch);
        return after.isPresent()
                ? ordered.seek(after.get().time(), after.get().id()).limit(limit).fetch(mapper)
                : ordered.limit(limit).fetch(mapper);
    }
}

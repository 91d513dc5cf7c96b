package com.inboop.db.paging;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jooq.Param;
import org.jooq.Record;
import org.jooq.RecordMapper;
import org.jooq.SelectSeekStep2;
import org.jooq.impl.DSL;

/**
 * Runs a query ordered by (a timestamp, an id), both descending, as one keyset page: jOOQ's {@code seek} after the
 * cursor's position, one row more than the limit to know whether a next page exists, and a signed cursor to it.
 */
public final class Keyset {

    private Keyset() {
    }

    /**
     * @param ordered  the query, ordered by its timestamp and id descending
     * @param request  limit and cursor
     * @param scope    what the cursor is bound to: list, workspace and filter
     * @param mapper   row to result
     * @param position a result's timestamp and id, the next page's start
     */
    public static <R extends Record, T> Page<T> page(SelectSeekStep2<R, LocalDateTime, Long> ordered,
                                                     PageRequest request, String scope, Cursors cursors,
                                                     RecordMapper<? super R, T> mapper,
                                                     Function<T, Cursors.Position> position) {
        return page(request, scope, cursors, position, (after, fetch) -> rows(ordered, after, fetch, mapper));
    }

    /**
     * One page from {@code fetcher}, which returns at most {@code fetch} rows after a position (or from the start)
     * in the list's order; for lists that find their rows in more than one query.
     */
    public static <T> Page<T> page(PageRequest request, String scope, Cursors cursors,
                                   Function<T, Cursors.Position> position,
                                   BiFunction<Optional<Cursors.Position>, Integer, List<T>> fetcher) {
        Optional<Cursors.Position> after = request.cursor().map(cursor -> cursors.decode(scope, cursor));
        List<T> rows = fetcher.apply(after, request.limit() + 1);
        if (rows.size() <= request.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<T> page = rows.subList(0, request.limit());
        return new Page<>(page, Optional.of(cursors.encode(scope, position.apply(page.get(page.size() - 1)))));
    }

    /** At most {@code fetch} rows of {@code ordered} after {@code after}. */
    public static <R extends Record, T> List<T> rows(SelectSeekStep2<R, LocalDateTime, Long> ordered,
                                                     Optional<Cursors.Position> after, int fetch,
                                                     RecordMapper<? super R, T> mapper) {
        // The limit is inlined: under a generic plan a bind-value LIMIT is costed as a tenth of the rows, which
        // makes a sort of everything after the cursor look cheaper than reading the index in order.
        Param<Integer> limit = DSL.inline(fetch);
        return after.isPresent()
                ? ordered.seek(after.get().time(), after.get().id()).limit(limit).fetch(mapper)
                : ordered.limit(limit).fetch(mapper);
    }

    /** The scope of a list's cursors: the list's name, the workspace, and a digest of the filter. */
    public static String scope(String list, long workspaceId, String canonicalFilter) {
        return list + ":" + workspaceId + ":" + Cursors.fingerprint(canonicalFilter);
    }
}

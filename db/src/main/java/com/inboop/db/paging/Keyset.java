package com.inboop.db.paging;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jooq.Record;
import org.jooq.RecordMapper;
import org.jooq.SelectSeekStep2;

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
        Optional<Cursors.Position> after = request.cursor().map(cursor -> cursors.decode(scope, cursor));
        int fetch = request.limit() + 1;
        List<T> rows = after.isPresent()
                ? ordered.seek(after.get().time(), after.get().id()).limit(fetch).fetch(mapper)
                : ordered.limit(fetch).fetch(mapper);
        if (rows.size() <= request.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<T> page = rows.subList(0, request.limit());
        return new Page<>(page, Optional.of(cursors.encode(scope, position.apply(page.get(page.size() - 1)))));
    }

    /** The scope of a list's cursors: the list's name, the workspace, and a digest of the filter. */
    public static String scope(String list, long workspaceId, String canonicalFilter) {
        return list + ":" + workspaceId + ":" + Cursors.fingerprint(canonicalFilter);
    }
}

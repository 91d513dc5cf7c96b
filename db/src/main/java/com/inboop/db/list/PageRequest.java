package com.inboop.db.list;

import java.util.Optional;

import com.inboop.db.InvalidRequestException;

/**
 * Which page to read: at most {@code limit} rows (1 to 200) after {@code cursor}, or the first page without one.
 * Immutable; invalid values are rejected on construction, before any SQL runs. A cursor marks a position in its list,
 * not a page size: {@code new PageRequest(50, Optional.of(cursor))} with the cursor of a 200-row page reads the 50
 * rows after that page, so a client may change its page size between pages.
 *
 * @param limit  rows per page, 1 to {@value #MAX_LIMIT}
 * @param cursor the previous page's {@link Page#nextCursor()}, or empty for the first page
 */
public record PageRequest(int limit, Optional<String> cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        cursor = cursor == null ? Optional.empty() : cursor;
    }

    /** The first page with the default limit of {@value #DEFAULT_LIMIT}. */
    public static PageRequest first() {
        return new PageRequest(DEFAULT_LIMIT, Optional.empty());
    }

    /** The first page with {@code limit} rows. */
    public static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }

    /** The page after the one that returned {@code cursor}, with the same limit as before. */
    public PageRequest after(String nextCursor) {
        if (nextCursor == null || nextCursor.isBlank()) {
            throw new InvalidRequestException("cursor", "must be a page's nextCursor, was "
                    + (nextCursor == null ? "null" : "blank") + "; for the first page use PageRequest.first()");
        }
        return new PageRequest(limit, Optional.of(nextCursor));
    }
}

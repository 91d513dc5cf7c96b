package com.inboop.db.list;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

import com.inboop.db.InvalidRequestException;

/**
 * What a user typed into a list's search box: rows whose searched text contains it ({@link #of}), or starts with it
 * ({@link #prefix}: the first characters of an order number, say), ignoring case. Empty means no search
 * ({@link #NONE}). Otherwise, once trimmed, a term has no control characters and at most {@value #MAX_LENGTH}
 * characters, and at least {@value #MIN_LENGTH} to be searched anywhere in the text: the trigram indexes that serve
 * the search (pg_trgm) need three characters to narrow a "contains" down. A prefix may be one character long: it is
 * anchored at the start of the text, so the index (and the list's order, for a common one) still serve it.
 *
 * <p>What "the text" is depends on the list: the inbox's customer name and handle, and each message; a lead's customer
 * name and notes; an order's number, customer name, handle and tracking number, in that order, so that a prefix
 * matches the start of the order number.
 *
 * <p>The pattern goes into the SQL as a literal (escaped by jOOQ, with {@code %}, {@code _} and {@code \} matched
 * as themselves), not as a bind value, so that the planner sees the term when it picks how to look it up (the
 * trigram index for a rare term). Whether reading the list in order is cheaper (a common term) is not left to its
 * estimate: the lists read a window in order first.
 *
 * @param text   the term, trimmed; empty for none
 * @param prefix whether the text must start with the term, rather than contain it
 */
public record TextSearch(String text, boolean prefix) {

    /** No search. */
    public static final TextSearch NONE = new TextSearch("", false);

    /** The fewest characters a "contains" term has. */
    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 100;

    public TextSearch {
        if (text == null) {
            throw new InvalidRequestException("search", "must not be null; use TextSearch.NONE for no search");
        }
        text = text.strip();
        prefix = prefix && !text.isEmpty(); // no search is one value, however it was asked for
        // Characters as Postgres and pg_trgm count them: code points (an emoji is one, though two Java chars).
        int length = text.codePointCount(0, text.length());
        if (length > MAX_LENGTH) {
            throw new InvalidRequestException("search", "must have at most " + MAX_LENGTH + " characters, had "
                    + length + " ('" + text.substring(0, text.offsetByCodePoints(0, 20)) + "...')");
        }
        if (!text.isEmpty() && !prefix && length < MIN_LENGTH) {
            throw new InvalidRequestException("search", "must have at least " + MIN_LENGTH + " characters to be "
                    + "searched anywhere in the text, had " + length + " ('" + text + "'); shorter terms "
                    + "cannot use the search index. For the start of the text (an order number's first "
                    + "characters) search a prefix: TextSearch.prefix(\"" + text + "\"), or match=prefix in the "
                    + "query parameters");
        }
        if (text.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE)) {
            throw new InvalidRequestException("search", "must not contain control characters (such as a line break "
                    + "or NUL) or half of a surrogate pair; remove them and search again");
        }
    }

    /** Rows whose text contains {@code text}, or {@link #NONE} for a blank one. */
    public static TextSearch of(String text) {
        return new TextSearch(text, false);
    }

    /** Rows whose text starts with {@code text} (one character or more), or {@link #NONE} for a blank one. */
    public static TextSearch prefix(String text) {
        return new TextSearch(text, true);
    }

    /** Whether there is something to search for. */
    public boolean isNone() {
        return text.isEmpty();
    }

    /**
     * {@code searched ILIKE '%text%'} ({@code 'text%'} for a prefix), the term's wildcards escaped; no condition for
     * {@link #NONE}.
     */
    public Condition condition(Field<String> searched) {
        return isNone() ? DSL.noCondition() : searched.likeIgnoreCase(DSL.inline(pattern()));
    }

    /** The ILIKE pattern: the term with {@code \}, {@code %} and {@code _} escaped, then {@code %} around it. */
    String pattern() {
        String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return (prefix ? "" : "%") + escaped + "%";
    }
}

package com.inboop.db.list;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

import com.inboop.db.InvalidRequestException;

/**
 * What a user typed into a list's search box: rows whose searched text contains it, ignoring case. Empty means no
 * search ({@link #NONE}). Otherwise, once trimmed, it must have {@value #MIN_LENGTH} to {@value #MAX_LENGTH}
 * characters and no control characters: the trigram indexes that serve the search (pg_trgm) need three characters
 * to narrow anything down.
 *
 * <p>The pattern goes into the SQL as a literal (escaped by jOOQ, with {@code %}, {@code _} and {@code \} matched
 * as themselves), not as a bind value, so that the planner sees the term when it picks how to look it up (the
 * trigram index for a rare term). Whether reading the list in order is cheaper (a common term) is not left to its
 * estimate: the lists read a window in order first ({@link com.inboop.db.internal.list.Keyset.Search}).
 *
 * @param text the term, trimmed; empty for none
 */
public record TextSearch(String text) {

    /** No search. */
    public static final TextSearch NONE = new TextSearch("");

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 100;

    public TextSearch {
        if (text == null) {
            throw new InvalidRequestException("search", "must not be null; use TextSearch.NONE for no search");
        }
        text = text.strip();
        if (!text.isEmpty() && (text.length() < MIN_LENGTH || text.length() > MAX_LENGTH)) {
            throw new InvalidRequestException("search", "must have " + MIN_LENGTH + " to " + MAX_LENGTH
                    + " characters, had " + text.length() + " ('"
                    + (text.length() > 20 ? text.substring(0, 20) + "..." : text)
                    + "'); shorter terms cannot use the search index");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException("search", "must not contain control characters (such as a line break "
                    + "or NUL); remove them and search again");
        }
    }

    /** The search for {@code text}, or {@link #NONE} for a blank one. */
    public static TextSearch of(String text) {
        return new TextSearch(text);
    }

    /** Whether there is something to search for. */
    public boolean isNone() {
        return text.isEmpty();
    }

    /** {@code searched ILIKE '%text%'}, the term's wildcards escaped; no condition for {@link #NONE}. */
    public Condition condition(Field<String> searched) {
        return isNone() ? DSL.noCondition() : searched.likeIgnoreCase(DSL.inline(pattern()));
    }

    /** The ILIKE pattern: the term with {@code \}, {@code %} and {@code _} escaped, between two {@code %}. */
    String pattern() {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}

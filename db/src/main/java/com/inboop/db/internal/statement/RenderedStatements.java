package com.inboop.db.internal.statement;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.QueryPart;
import org.jooq.impl.DSL;

/**
 * Statements rendered once per shape and run again as they are. A shape ({@code K}) names everything a statement's
 * text depends on but its {@link #placeholder placeholders}; its statement is built and rendered the first time it
 * is asked for, with every other value written into the text as a literal, and its text is reused from then on. The
 * placeholders are bound on each run ({@link RenderedStatement#query}), so that one shape is one prepared statement
 * on a connection whatever the placeholders' values.
 *
 * <p>Why: building and rendering a list page through jOOQ costs about as much Java time as Postgres spends
 * reading the page from its index; the text of a page depends only on the workspace's businesses, the filter, the
 * page size and whether a cursor is given.
 *
 * <p>At most {@code capacity} shapes and {@code maxCharacters} characters of text are kept (a workspace of many
 * businesses has a long page statement: a UNION ALL branch per business), the least recently used forgotten first: a
 * forgotten shape is rendered again when it comes back. Safe for concurrent use.
 *
 * @param <K> the shape: a value with {@code equals} and {@code hashCode} (a record)
 */
public final class RenderedStatements<K> {

    private final DSLContext dsl;
    private final int capacity;
    private final long maxCharacters;
    // In access order: the first entry is the least recently used.
    private final Map<K, RenderedStatement> statements = new LinkedHashMap<>(16, 0.75f, true);
    private long characters;

    /**
     * Statements rendered by {@code dsl} (its dialect and settings), at most {@code capacity} of them and
     * {@code maxCharacters} characters of text kept.
     */
    public RenderedStatements(DSLContext dsl, int capacity, long maxCharacters) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        if (maxCharacters < 1) {
            throw new IllegalArgumentException("maxCharacters must be at least 1, not " + maxCharacters);
        }
        this.dsl = dsl;
        this.capacity = capacity;
        this.maxCharacters = maxCharacters;
    }

    /**
     * A value that the statement's text leaves to be bound on each run: {@code {index}} in the text, replaced by the
     * {@code index}-th (from 0) value given to {@link RenderedStatement#query}. The same placeholder may appear several
     * times.
     */
    public static <T> Field<T> placeholder(int index, DataType<T> type) {
        return DSL.field(DSL.raw("{" + index + "}"), type);
    }

    /**
     * {@code shape}'s statement: rendered now from {@code statement} (its values inlined) if it was not rendered
     * before, or was forgotten since.
     */
    public RenderedStatement statement(K shape, Supplier<? extends QueryPart> statement) {
        synchronized (statements) {
            RenderedStatement rendered = statements.get(shape);
            if (rendered != null) {
                return rendered;
            }
        }
        // Rendered outside the lock: two threads may render the same shape once each, to the same text.
        RenderedStatement rendered = render(dsl, statement.get());
        synchronized (statements) {
            RenderedStatement replaced = statements.put(shape, rendered);
            characters += rendered.length() - (replaced == null ? 0 : replaced.length());
            Iterator<RenderedStatement> eldestFirst = statements.values().iterator();
            while (statements.size() > capacity || characters > maxCharacters && statements.size() > 1) {
                characters -= eldestFirst.next().length();
                eldestFirst.remove();
            }
        }
        return rendered;
    }

    /** {@code statement} rendered by {@code dsl}, its values inlined and its placeholders left in. */
    public static RenderedStatement render(DSLContext dsl, QueryPart statement) {
        return RenderedStatement.of(dsl.renderInlined(statement));
    }

    /** How many characters of text are kept now. */
    public long characters() {
        synchronized (statements) {
            return characters;
        }
    }

    /** How many shapes are kept now. */
    public int size() {
        synchronized (statements) {
            return statements.size();
        }
    }
}

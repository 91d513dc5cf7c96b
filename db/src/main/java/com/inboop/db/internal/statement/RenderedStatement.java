package com.inboop.db.internal.statement;

import java.util.ArrayList;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.QueryPart;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

/**
 * One statement's text, rendered once with its values as literals and its {@link RenderedStatements#placeholder
 * placeholders} ({@code {0}}, {@code {1}}, ...) left in, run as a query with values bound to the placeholders.
 *
 * <p>The text is cut at its placeholders once, here: each run joins the raw pieces and the bound values through a
 * template of a few characters, so jOOQ does not scan the whole text for placeholders again on every run. A
 * {@code {n}} inside a string literal is text, not a placeholder.
 */
public final class RenderedStatement {

    private final int length;
    private final String template;
    // The text is kept only as these pieces (raw SQL between placeholders), not a second time whole.
    private final QueryPart[] pieces;
    private final String[] raw;
    private final int[] placeholderAt;

    private RenderedStatement(int length, String template, QueryPart[] pieces, String[] raw, int[] placeholderAt) {
        this.length = length;
        this.template = template;
        this.pieces = pieces;
        this.raw = raw;
        this.placeholderAt = placeholderAt;
    }

    /** {@code text}, as {@code DSLContext.renderInlined} wrote it, cut at its placeholders. */
    public static RenderedStatement of(String text) {
        List<String> pieces = new ArrayList<>();
        List<Integer> placeholders = new ArrayList<>();
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted; // a doubled quote inside a literal toggles twice
            } else if (c == '{' && !quoted) {
                int end = i + 1;
                while (end < text.length() && Character.isDigit(text.charAt(end))) {
                    end++;
                }
                if (end > i + 1 && end < text.length() && text.charAt(end) == '}') {
                    pieces.add(text.substring(start, i));
                    placeholders.add(-1);
                    pieces.add(null);
                    placeholders.add(Integer.parseInt(text.substring(i + 1, end)));
                    start = end + 1;
                    i = end;
                }
            }
        }
        pieces.add(text.substring(start));
        placeholders.add(-1);
        StringBuilder template = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            template.append('{').append(i).append('}');
        }
        String[] raw = pieces.toArray(String[]::new);
        QueryPart[] parts = new QueryPart[raw.length];
        for (int i = 0; i < raw.length; i++) {
            parts[i] = raw[i] == null ? null : DSL.raw(raw[i]);
        }
        return new RenderedStatement(text.length(), template.toString(), parts, raw,
                placeholders.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The statement's text, placeholders included. */
    public String text() {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < raw.length; i++) {
            text.append(placeholderAt[i] >= 0 ? "{" + placeholderAt[i] + "}" : raw[i]);
        }
        return text.toString();
    }

    /** The length of the statement's text, in characters: what keeping it costs. */
    public int length() {
        return length;
    }

    /**
     * The statement as a query of {@code dsl}, placeholder {@code n} bound to {@code values[n]}.
     *
     * @throws IllegalArgumentException if the text names a placeholder {@code values} does not have
     */
    public ResultQuery<Record> query(DSLContext dsl, QueryPart... values) {
        QueryPart[] parts = pieces.clone();
        for (int i = 0; i < parts.length; i++) {
            int placeholder = placeholderAt[i];
            if (placeholder >= 0) {
                if (placeholder >= values.length) {
                    throw new IllegalArgumentException("The statement has placeholder {" + placeholder + "} but "
                            + values.length + " values were given: " + text());
                }
                parts[i] = values[placeholder];
            }
        }
        return dsl.resultQuery(template, parts);
    }
}

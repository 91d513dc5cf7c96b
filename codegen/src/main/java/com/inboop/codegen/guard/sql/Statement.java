package com.inboop.codegen.guard.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * One SQL statement of a script: its tokens without comments, up to (not including) the terminating {@code ;}.
 *
 * @param tokens the statement's tokens
 */
public record Statement(List<Token> tokens) {

    /** Splits a script into statements at top-level semicolons; comments are dropped. */
    public static List<Statement> split(List<Token> tokens) {
        List<Statement> statements = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (Token token : tokens) {
            if (token.kind() == Token.Kind.COMMENT) {
                continue;
            }
            if (token.isSymbol(';')) {
                if (!current.isEmpty()) {
                    statements.add(new Statement(List.copyOf(current)));
                }
                current.clear();
            } else {
                current.add(token);
            }
        }
        if (!current.isEmpty()) {
            statements.add(new Statement(List.copyOf(current)));
        }
        return statements;
    }

    /** Line of the statement's first token. */
    public int line() {
        return tokens.get(0).line();
    }

    /** True if the statement begins with these words, ignoring case. */
    public boolean startsWith(String... words) {
        return indexAfter(0, words) >= 0;
    }

    /**
     * If the tokens from {@code from} are these words, the index just after them; otherwise -1. Optional words are
     * not skipped: callers do that with {@link #skipWords}.
     */
    public int indexAfter(int from, String... words) {
        int i = from;
        for (String word : words) {
            if (i >= tokens.size() || !tokens.get(i).isWord(word)) {
                return -1;
            }
            i++;
        }
        return i;
    }

    /** Skips any of the given word sequences at {@code from}, each at most once, in the order given. */
    public int skipWords(int from, String[]... optional) {
        int i = from;
        for (String[] words : optional) {
            int after = indexAfter(i, words);
            if (after >= 0) {
                i = after;
            }
        }
        return i;
    }

    /**
     * Reads a possibly schema-qualified name at {@code from}; returns the unqualified, folded name, or null if
     * there is no name there. {@code public.orders} and {@code "orders"} both give {@code orders}.
     */
    public String nameAt(int from) {
        if (from >= tokens.size() || !isName(tokens.get(from))) {
            return null;
        }
        int i = from;
        while (i + 2 < tokens.size() && tokens.get(i + 1).isSymbol('.') && isName(tokens.get(i + 2))) {
            i += 2;
        }
        return tokens.get(i).identifier();
    }

    /**
     * The name at {@code from} as the guard's findings write it: {@code schema.name} when it is qualified with a schema
     * other than {@code public}, else the bare name (as {@link #nameAt}); null if there is no name there.
     */
    public String qualifiedNameAt(int from) {
        String name = nameAt(from);
        int last = indexAfterName(from) - 1;
        if (name == null || last < from + 2) {
            return name;
        }
        String schema = tokens.get(last - 2).identifier();
        return schema.equals("public") ? name : schema + "." + name;
    }

    /** The schema part of {@link #qualifiedNameAt} ({@code "app."}), or "" for the public schema or no qualifier. */
    public String schemaPrefixAt(int from) {
        String qualified = qualifiedNameAt(from);
        return qualified == null || !qualified.contains(".") ? ""
                : qualified.substring(0, qualified.lastIndexOf('.') + 1);
    }

    /** Index after the (possibly qualified) name at {@code from}. */
    public int indexAfterName(int from) {
        int i = from;
        while (i + 2 < tokens.size() && tokens.get(i + 1).isSymbol('.') && isName(tokens.get(i + 2))) {
            i += 2;
        }
        return i + 1;
    }

    /** True if any token from {@code from} on is the word {@code word}. */
    public boolean containsWord(int from, int to, String word) {
        for (int i = from; i < Math.min(to, tokens.size()); i++) {
            if (tokens.get(i).isWord(word)) {
                return true;
            }
        }
        return false;
    }

    /** True if the words appear consecutively somewhere in [from, to). */
    public boolean containsWords(int from, int to, String... words) {
        for (int i = from; i < Math.min(to, tokens.size()); i++) {
            int after = indexAfter(i, words);
            if (after >= 0 && after <= to) {
                return true;
            }
        }
        return false;
    }

    /**
     * Splits [from, end) at commas outside parentheses, e.g. the actions of an {@code ALTER TABLE}; returns
     * [start, end) index pairs.
     */
    public List<int[]> topLevelItems(int from) {
        List<int[]> items = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isSymbol('(')) {
                depth++;
            } else if (t.isSymbol(')')) {
                depth--;
            } else if (t.isSymbol(',') && depth == 0) {
                items.add(new int[] {start, i});
                start = i + 1;
            }
        }
        if (start < tokens.size()) {
            items.add(new int[] {start, tokens.size()});
        }
        return items;
    }

    private static boolean isName(Token token) {
        return token.kind() == Token.Kind.WORD || token.kind() == Token.Kind.QUOTED_IDENTIFIER;
    }
}

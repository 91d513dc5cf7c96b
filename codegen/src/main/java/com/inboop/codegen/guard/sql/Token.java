package com.inboop.codegen.guard.sql;

import java.util.Locale;

/**
 * One lexical token of a SQL script.
 *
 * @param kind   what it is
 * @param text   the token as written (for strings: the value without quotes; for dollar quotes: the body)
 * @param line   1-based line of its first character
 * @param column 1-based column of its first character
 */
public record Token(Kind kind, String text, int line, int column) {

    /** Token kinds; comments are kept so that approvals can be read from them. */
    public enum Kind {
        /** Keyword or unquoted identifier. */
        WORD,
        /** {@code "quoted identifier"}. */
        QUOTED_IDENTIFIER,
        /** {@code 'string'}, {@code E'string'}. */
        STRING,
        /** {@code $tag$ ... $tag$}. */
        DOLLAR_QUOTED,
        NUMBER,
        /** Any other single character, e.g. {@code ; ( ) , .}. */
        SYMBOL,
        /** {@code -- ...} or {@code /* ... * /}, text without the markers. */
        COMMENT
    }

    /** True for a word equal to {@code keyword}, ignoring case. */
    public boolean isWord(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    /** True for the symbol {@code symbol}. */
    public boolean isSymbol(char symbol) {
        return kind == Kind.SYMBOL && text.length() == 1 && text.charAt(0) == symbol;
    }

    /** An identifier as Postgres folds it: unquoted words lower-cased, quoted ones as written. */
    public String identifier() {
        return kind == Kind.WORD ? text.toLowerCase(Locale.ROOT) : text;
    }
}

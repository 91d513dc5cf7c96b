package com.inboop.db.internal.check;

/**
 * A caller's value as an error message shows it: control characters as {@code \\uXXXX} (a NUL or a line break must
 * not break a log line), and at most {@value #SHOWN} characters (a megabyte of input must not become a megabyte of
 * message).
 */
public final class Printable {

    /** The most characters of a value a message shows. */
    public static final int SHOWN = 60;

    private Printable() {
    }

    /** {@code value} as a message shows it; "null" for null. */
    public static String of(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder text = new StringBuilder();
        value.codePoints().limit(SHOWN).forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE) {
                text.append(String.format("\\u%04x", c));
            } else {
                text.appendCodePoint(c);
            }
        });
        if (value.codePointCount(0, value.length()) > SHOWN) {
            text.append("... (").append(value.length()).append(" characters)");
        }
        return text.toString();
    }
}

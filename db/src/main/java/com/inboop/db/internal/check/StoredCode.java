package com.inboop.db.internal.check;

import java.util.Collection;
import java.util.regex.Pattern;

import com.inboop.db.InvalidRequestException;

/**
 * Values that the backend stores as codes in varchar columns (channels such as {@code INSTAGRAM}, sources such as
 * {@code AI}): letters, digits and underscores, 1 to 50 characters (the columns are varchar(50)). Checking them
 * before any SQL rejects what Postgres would choke on (a NUL byte) and keeps a filter's text form unambiguous, since
 * no code can contain the separators that form uses.
 */
public final class StoredCode {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_]{1,50}");

    private StoredCode() {
    }

    /**
     * Returns {@code values} if each one is a code.
     *
     * @throws InvalidRequestException naming {@code argument} and the first value that is not
     */
    public static <C extends Collection<String>> C requireAll(String argument, C values) {
        for (String value : values) {
            if (value == null || !CODE.matcher(value).matches()) {
                throw new InvalidRequestException(argument, "each value must be a code of 1 to 50 letters, digits or "
                        + "underscores (e.g. INSTAGRAM), was " + (value == null ? "null" : "'" + printable(value) + "'"));
            }
        }
        return values;
    }

    /** The value with control characters shown as \\uXXXX, for an error message. */
    private static String printable(String value) {
        StringBuilder text = new StringBuilder();
        value.codePoints().limit(60).forEach(c -> {
            if (Character.isISOControl(c)) {
                text.append(String.format("\\u%04x", c));
            } else {
                text.appendCodePoint(c);
            }
        });
        return text.toString();
    }
}

package com.inboop.db.internal.check;

import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
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
                        + "underscores (e.g. INSTAGRAM), was "
                        + (value == null ? "null" : "'" + Printable.of(value) + "'"));
            }
        }
        return values;
    }

    /**
     * {@code values} upper-cased (codes are stored in capitals, and a caller may write {@code instagram}), as an
     * unmodifiable sorted set.
     *
     * @throws InvalidRequestException naming {@code argument} and the first value that is not a code
     */
    public static SortedSet<String> normalized(String argument, Collection<String> values) {
        SortedSet<String> upper = new TreeSet<>();
        for (String value : requireAll(argument, values)) {
            upper.add(value.toUpperCase(Locale.ROOT));
        }
        return Collections.unmodifiableSortedSet(upper);
    }
}

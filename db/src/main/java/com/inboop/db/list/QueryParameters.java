package com.inboop.db.list;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.inboop.db.InvalidRequestException;

/**
 * A list filter as query parameters ({@code ?status=NEW&status=CLOSED&q=red+dress}), read with validation and
 * written in a canonical order, so that a filter survives a round trip through a URL. Each filter names its
 * parameters; a parameter it does not know, a single-valued one given twice, or a value out of range is an
 * {@link InvalidRequestException} that names the parameter and says what is accepted. The filters read and write
 * themselves ({@code fromQueryParameters}, {@code toQueryParameters}); this class turns query strings into the maps they
 * take and back.
 *
 * <p>Multi-valued parameters may be repeated or comma-separated ({@code status=NEW,CLOSED}). Enum values are
 * case-insensitive. Times are ISO-8601 in UTC: a date ({@code 2026-11-01}, midnight), a local date-time, or one with
 * an offset (converted to UTC). A multi-valued parameter holds at most {@value #MAX_VALUES} values: reading a
 * request costs time in proportion to its length, and a longer list is refused before any SQL.
 */
public final class QueryParameters {

    /** The most values one multi-valued parameter ({@code channel}, {@code status}, ...) may hold. */
    public static final int MAX_VALUES = 100;

    private QueryParameters() {
    }

    /** Splits a query string ({@code a=1&b=2}, percent-encoded, with or without the leading {@code ?}). */
    public static Map<String, List<String>> parse(String queryString) {
        if (queryString == null) {
            throw new InvalidRequestException("queryString", "must not be null; pass \"\" for the defaults");
        }
        Map<String, List<String>> parsed = new LinkedHashMap<>();
        String query = queryString.startsWith("?") ? queryString.substring(1) : queryString;
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            parsed.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parsed;
    }

    /** Joins parameters into a query string (no leading {@code ?}), percent-encoded. */
    public static String format(Map<String, List<String>> parameters) {
        return parameters.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                .collect(Collectors.joining("&"));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("queryString", "is not valid percent-encoding near '" + text + "'");
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}

package com.inboop.db.internal.list;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.inboop.db.InvalidRequestException;
import com.inboop.db.internal.check.Printable;
import com.inboop.db.internal.check.StoredCode;
import com.inboop.db.list.QueryParameters;
import com.inboop.db.list.TextSearch;
import com.inboop.db.list.TimeRange;

/**
 * A filter's query parameters, read with validation: an unknown parameter, a single-valued one given twice, or a
 * value out of range is an {@link InvalidRequestException} that names the parameter and says what is accepted.
 * Multi-valued parameters may be repeated or comma-separated; enum values are case-insensitive; times are ISO-8601 in
 * UTC (a date is midnight; an offset is converted).
 */
public final class ParameterReader {

    private final Map<String, List<String>> values;

    private ParameterReader(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * Reads {@code parameters} (as a servlet or Spring hands them over) for a filter that accepts {@code accepted}.
     *
     * @throws InvalidRequestException for null, or a parameter not in {@code accepted}
     */
    public static ParameterReader read(Map<String, List<String>> parameters, Collection<String> accepted) {
        if (parameters == null) {
            throw new InvalidRequestException("parameters", "must not be null; pass an empty map for the defaults");
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        parameters.forEach((name, list) -> {
            if (name == null || !accepted.contains(name)) {
                throw new InvalidRequestException(Printable.of(name), "is not a parameter of this list; accepted: "
                        + String.join(", ", accepted));
            }
            if (list == null || list.stream().anyMatch(java.util.Objects::isNull)) {
                throw new InvalidRequestException(name, "must not be null");
            }
            copy.put(name, List.copyOf(list));
        });
        return new ParameterReader(copy);
    }

    /** The one value of a single-valued parameter, or {@code absent} if it is not given. */
    public String single(String name, String absent) {
        List<String> list = values.get(name);
        if (list == null || list.isEmpty()) {
            return absent;
        }
        if (list.size() > 1) {
            throw new InvalidRequestException(name, "was given " + list.size() + " times; give it at most once");
        }
        return list.get(0);
    }

    /**
     * Every value of a multi-valued parameter, comma-separated values split, blanks dropped.
     *
     * @throws InvalidRequestException if it holds more than {@link QueryParameters#MAX_VALUES} values (counted as
     *                                 they are split, so a huge parameter costs no more than reading it once)
     */
    public List<String> all(String name) {
        List<String> split = new ArrayList<>();
        for (String value : values.getOrDefault(name, List.of())) {
            int start = 0;
            while (start <= value.length()) {
                int comma = value.indexOf(',', start);
                int end = comma < 0 ? value.length() : comma;
                String one = value.substring(start, end).strip();
                if (!one.isEmpty()) {
                    if (split.size() == QueryParameters.MAX_VALUES) {
                        throw new InvalidRequestException(name, "has more than " + QueryParameters.MAX_VALUES
                                + " values; a list filters by a few, give at most " + QueryParameters.MAX_VALUES);
                    }
                    split.add(one);
                }
                start = end + 1;
            }
        }
        return split;
    }

    /** The values of a multi-valued enum parameter, by name, ignoring case. */
    public <E extends Enum<E>> Set<E> enums(String name, Class<E> type) {
        Set<E> set = new TreeSet<>();
        all(name).forEach(value -> set.add(enumValue(name, type, value)));
        return set;
    }

    /** A single-valued enum parameter, or {@code absent}. */
    public <E extends Enum<E>> E enumValue(String name, Class<E> type, E absent) {
        String value = single(name, null);
        return value == null || value.isBlank() ? absent : enumValue(name, type, value.strip());
    }

    /** The values of a multi-valued code parameter (a channel, a source), upper-cased, validated as codes. */
    public Set<String> codes(String name) {
        Set<String> set = new TreeSet<>();
        all(name).forEach(value -> set.add(value.toUpperCase(Locale.ROOT)));
        return StoredCode.requireAll(name, set);
    }

    /** A single-valued boolean ({@code true} / {@code false}), or {@code absent}. */
    public boolean bool(String name, boolean absent) {
        String value = single(name, null);
        if (value == null || value.isBlank()) {
            return absent;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidRequestException(name, "must be true or false, was '"
                    + Printable.of(value) + "'");
        };
    }

    /**
     * A text search from two parameters: the term ({@code q}) and how it matches ({@code match}: {@code contains},
     * the default, or {@code prefix}).
     */
    public TextSearch search(String textName, String matchName) {
        String match = single(matchName, "contains").strip().toLowerCase(Locale.ROOT);
        String text = single(textName, "");
        return switch (match) {
            case "", "contains" -> TextSearch.of(text);
            case "prefix" -> TextSearch.prefix(text);
            default -> throw new InvalidRequestException(matchName, "must be contains or prefix, was '"
                    + Printable.of(match) + "'");
        };
    }

    /** A time range from two parameters ({@code created_from}, {@code created_to}). */
    public TimeRange range(String fromName, String toName) {
        LocalDateTime from = time(fromName);
        LocalDateTime to = time(toName);
        try {
            return new TimeRange(from, to);
        } catch (InvalidRequestException e) {
            // TimeRange names its own arguments (from, to); the caller knows them by the parameters' names.
            String named = e.argument().equals("from") ? fromName : toName;
            throw new InvalidRequestException(named, e.problem().replace("after from", "after " + fromName));
        }
    }

    private LocalDateTime time(String name) {
        String value = single(name, null);
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            if (text.indexOf('T') < 0) {
                return LocalDate.parse(text).atStartOfDay();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            }
            return LocalDateTime.parse(text);
        } catch (java.time.DateTimeException e) {
            throw new InvalidRequestException(name, "must be an ISO-8601 date or date-time in UTC "
                    + "(2026-11-01, 2026-11-01T09:30:00, 2026-11-01T09:30:00Z), was '" + Printable.of(value) + "'");
        }
    }

    private static <E extends Enum<E>> E enumValue(String name, Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw new InvalidRequestException(name, "unknown value '" + Printable.of(value) + "'; accepted: "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    /** The accepted parameter names, for {@link #read}. */
    public static Set<String> names(String... names) {
        return new LinkedHashSet<>(Arrays.asList(names));
    }
}

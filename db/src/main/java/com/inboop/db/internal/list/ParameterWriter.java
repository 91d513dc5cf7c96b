package com.inboop.db.internal.list;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.inboop.db.list.TextSearch;
import com.inboop.db.list.TimeRange;

/** Writes filters' parameters in a fixed order; empty and default values are left out. */
public final class ParameterWriter {

    private final Map<String, List<String>> out = new LinkedHashMap<>();

    /** Adds {@code name=value} unless {@code value} equals {@code absent}. */
    public ParameterWriter single(String name, Object value, Object absent) {
        if (!value.equals(absent)) {
            out.put(name, List.of(value instanceof Enum<?> e ? e.name() : value.toString()));
        }
        return this;
    }

    /** Adds one {@code name=value} per value, in the set's order; nothing for an empty set. */
    public <T> ParameterWriter all(String name, Collection<T> values, Function<T, String> text) {
        if (!values.isEmpty()) {
            out.put(name, values.stream().map(text).collect(Collectors.toCollection(ArrayList::new)));
        }
        return this;
    }

    /** Adds a search's term and, for a prefix, {@code matchName=prefix}; nothing for no search. */
    public ParameterWriter search(String textName, String matchName, TextSearch search) {
        single(textName, search.text(), "");
        return single(matchName, search.prefix() ? "prefix" : "contains", "contains");
    }

    /** Adds a range's bounds, each only if set. */
    public ParameterWriter range(String fromName, String toName, TimeRange range) {
        if (range.from() != null) {
            out.put(fromName, List.of(range.from().toString()));
        }
        if (range.to() != null) {
            out.put(toName, List.of(range.to().toString()));
        }
        return this;
    }

    /** The parameters written, unmodifiable. */
    public Map<String, List<String>> parameters() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        out.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return java.util.Collections.unmodifiableMap(copy);
    }
}

package com.inboop.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.inboop.codegen.catalog.CatalogSnapshot;

/**
 * What changed between two snapshots of one database, sorted the way Hibernate's {@code ddl-auto=update} changes a
 * schema: columns re-typed, indexes Postgres rebuilt over them (same name, definition re-rendered), and everything
 * else (what the tests require to be nothing).
 *
 * @param retyped   {@code table.column: before -> after}
 * @param rebuilt   names of indexes present before and after with another definition
 * @param other     every other difference, as {@link CatalogSnapshot#differencesTo} writes it
 */
public record SchemaChanges(List<String> retyped, List<String> rebuilt, List<String> other) {

    /** The changes from {@code before} to {@code after}. */
    public static SchemaChanges between(CatalogSnapshot before, CatalogSnapshot after) {
        List<String> retyped = new ArrayList<>();
        List<String> retypedLinePrefixes = new ArrayList<>();
        before.tables().forEach((name, table) -> {
            CatalogSnapshot.Table later = after.tables().get(name);
            if (later == null) {
                return;
            }
            table.columns().forEach((column, definition) -> {
                CatalogSnapshot.Column now = later.columns().get(column);
                if (now != null && !now.type().equals(definition.type())) {
                    retyped.add(name + "." + column + ": " + definition.type() + " -> " + now.type());
                    retypedLinePrefixes.add("column " + name + "." + column + " ");
                }
            });
        });
        List<String> rebuilt = new ArrayList<>();
        List<String> rebuiltLinePrefixes = new ArrayList<>();
        for (Map.Entry<String, CatalogSnapshot.Index> index : before.indexes().entrySet()) {
            CatalogSnapshot.Index later = after.indexes().get(index.getKey());
            if (later != null && !later.definition().equals(index.getValue().definition())) {
                rebuilt.add(index.getKey());
                rebuiltLinePrefixes.add(index.getValue().definition());
                rebuiltLinePrefixes.add(later.definition());
            }
        }
        List<String> other = before.differencesTo(after).stream()
                .filter(line -> retypedLinePrefixes.stream().noneMatch(p -> line.substring(2).startsWith(p)))
                .filter(line -> rebuiltLinePrefixes.stream().noneMatch(p -> line.substring(2).startsWith("index " + p)))
                .toList();
        return new SchemaChanges(List.copyOf(retyped), List.copyOf(rebuilt), other);
    }

    /** Columns whose new type is shorter than their old one: {@code text} or a longer {@code varchar} before. */
    public List<String> narrowed() {
        return retyped.stream().filter(change -> {
            String[] types = change.substring(change.indexOf(": ") + 2).split(" -> ");
            return length(types[1]) < length(types[0]);
        }).toList();
    }

    private static int length(String type) {
        int open = type.indexOf('(');
        return type.startsWith("character varying(") ? Integer.parseInt(type.substring(open + 1, type.length() - 1))
                : Integer.MAX_VALUE;
    }

    /** A report for the test's output: the figures the README quotes come from it. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append(retyped.size()).append(" columns re-typed (").append(narrowed().size()).append(" narrowing), ")
                .append(rebuilt.size()).append(" indexes rebuilt over them, ").append(other.size())
                .append(" other changes");
        retyped.forEach(change -> text.append("\n  re-typed ").append(change));
        rebuilt.forEach(index -> text.append("\n  rebuilt ").append(index));
        other.forEach(change -> text.append("\n  other ").append(change));
        return text.toString();
    }
}

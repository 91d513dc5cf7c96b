package com.inboop.codegen.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.inboop.codegen.catalog.CatalogSnapshot;
import com.inboop.codegen.catalog.CatalogSnapshot.Column;
import com.inboop.codegen.catalog.CatalogSnapshot.EnumType;
import com.inboop.codegen.catalog.CatalogSnapshot.Table;

/**
 * Compares two catalog snapshots taken in different databases, from the point of view of code generated from the
 * first: anything it uses that is gone, renamed, narrowed or retyped is breaking; additions are safe. Both
 * databases are built from migrations in version order, so a column that keeps its position but changes its name
 * was renamed, and a table that disappears while one with the same columns appears was renamed too.
 */
public final class SchemaDiff {

    private SchemaDiff() {
    }

    /** The changes from {@code from} to {@code to}, tables first, then enum types. */
    public static List<SchemaChange> between(CatalogSnapshot from, CatalogSnapshot to) {
        List<SchemaChange> changes = new ArrayList<>();
        Map<String, String> renamedTables = renamedTables(from, to);
        for (Table old : from.tables().values()) {
            Table now = to.tables().get(renamedTables.getOrDefault(old.name(), old.name()));
            if (now == null) {
                changes.add(new SchemaChange("table " + old.name(), "removed", true));
                continue;
            }
            if (!now.name().equals(old.name())) {
                changes.add(new SchemaChange("table " + old.name(), "renamed to " + now.name(), true));
            }
            columns(old, now, changes);
        }
        for (Table now : to.tables().values()) {
            if (!from.tables().containsKey(now.name()) && !renamedTables.containsValue(now.name())) {
                changes.add(new SchemaChange("table " + now.name(), "added", false));
            }
        }
        enums(from, to, changes);
        return changes;
    }

    private static void columns(Table old, Table now, List<SchemaChange> changes) {
        Map<Integer, Column> nowByPosition = new HashMap<>();
        now.columns().values().forEach(c -> nowByPosition.put(c.position(), c));
        for (Column was : old.columns().values()) {
            String where = "column " + old.name() + "." + was.name();
            Column is = now.columns().get(was.name());
            if (is == null) {
                Column samePlace = nowByPosition.get(was.position());
                if (samePlace != null && samePlace.type().equals(was.type())
                        && !old.columns().containsKey(samePlace.name())) {
                    changes.add(new SchemaChange(where, "renamed to " + samePlace.name(), true));
                } else {
                    changes.add(new SchemaChange(where, "removed", true));
                }
                continue;
            }
            if (!is.type().equals(was.type())) {
                changes.add(new SchemaChange(where, "type " + was.type() + " -> " + is.type(), true));
            }
            if (is.notNull() != was.notNull()) {
                changes.add(new SchemaChange(where, is.notNull() ? "nullable -> NOT NULL (narrowed)"
                        : "NOT NULL -> nullable (widened)", is.notNull()));
            }
        }
        for (Column is : now.columns().values()) {
            boolean renameTarget = !old.columns().containsKey(is.name()) && old.columns().values().stream()
                    .anyMatch(c -> c.position() == is.position() && !now.columns().containsKey(c.name())
                            && c.type().equals(is.type()));
            if (!old.columns().containsKey(is.name()) && !renameTarget) {
                boolean required = is.notNull() && is.defaultExpression() == null && is.identity().isEmpty();
                changes.add(new SchemaChange("column " + now.name() + "." + is.name(), "added " + is.type()
                        + (required ? " NOT NULL without default: inserts that omit it fail" : ""), required));
            }
        }
    }

    private static void enums(CatalogSnapshot from, CatalogSnapshot to, List<SchemaChange> changes) {
        for (EnumType old : from.enums().values()) {
            EnumType now = to.enums().get(old.name());
            if (now == null) {
                changes.add(new SchemaChange("enum " + old.name(), "removed", true));
                continue;
            }
            for (String value : old.labels()) {
                if (!now.labels().contains(value)) {
                    changes.add(new SchemaChange("enum value " + old.name() + "." + value, "removed", true));
                }
            }
            List<String> kept = now.labels().stream().filter(old.labels()::contains).toList();
            if (!kept.equals(old.labels().stream().filter(now.labels()::contains).toList())) {
                changes.add(new SchemaChange("enum " + old.name(), "values reordered " + old.labels() + " -> "
                        + now.labels(), true));
            }
            for (String value : now.labels()) {
                if (!old.labels().contains(value)) {
                    changes.add(new SchemaChange("enum value " + old.name() + "." + value, "added", false));
                }
            }
        }
        for (EnumType now : to.enums().values()) {
            if (!from.enums().containsKey(now.name())) {
                changes.add(new SchemaChange("enum " + now.name(), "added " + now.labels(), false));
            }
        }
    }

    /** Old table name to new, for tables that vanished while one with exactly their columns appeared. */
    private static Map<String, String> renamedTables(CatalogSnapshot from, CatalogSnapshot to) {
        Map<String, String> renamed = new HashMap<>();
        for (Table old : from.tables().values()) {
            if (to.tables().containsKey(old.name())) {
                continue;
            }
            to.tables().values().stream()
                    .filter(now -> !from.tables().containsKey(now.name()) && !renamed.containsValue(now.name()))
                    .filter(now -> Objects.equals(signature(now), signature(old)))
                    .findFirst()
                    .ifPresent(now -> renamed.put(old.name(), now.name()));
        }
        return renamed;
    }

    private static List<String> signature(Table table) {
        return table.columns().values().stream().map(c -> c.name() + " " + c.type()).toList();
    }
}

package com.inboop.codegen.guard.semantic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.inboop.codegen.catalog.CatalogSnapshot.Column;
import com.inboop.codegen.catalog.CatalogSnapshot.Constraint;
import com.inboop.codegen.catalog.CatalogSnapshot.EnumType;
import com.inboop.codegen.catalog.CatalogSnapshot.Index;
import com.inboop.codegen.catalog.CatalogSnapshot.Table;
import com.inboop.codegen.catalog.CatalogSnapshot.View;
import com.inboop.codegen.catalog.CatalogSnapshot;
import com.inboop.codegen.guard.rule.Rule;
import com.inboop.codegen.guard.rule.Violation;

/**
 * Classifies the difference between the catalog before and after one migration (IB301 to IB315). Objects are
 * matched by identity (table, view, constraint and enum oids, column positions, index storage), not by name, which
 * is how renames are told apart from a drop plus an add, and how a definition Postgres re-creates unchanged (as a
 * column type change does with the column's indexes and constraints) is told apart from a new one.
 */
final class CatalogChanges {

    private static final Pattern CASCADING = Pattern.compile(
            "ON (DELETE|UPDATE) (CASCADE|SET NULL|SET DEFAULT)");

    private final String script;
    private final CatalogSnapshot before;
    private final CatalogSnapshot after;
    private final Set<String> truncated;
    private final List<Violation> findings = new ArrayList<>();
    private final Set<String> touched = new TreeSet<>();
    /** Tables renamed by this migration, old name to new, to read old constraint definitions in new names. */
    private final Map<String, String> renamedTables = new HashMap<>();

    private CatalogChanges(String script, CatalogSnapshot before, CatalogSnapshot after, Set<String> truncated) {
        this.script = script;
        this.before = before;
        this.after = after;
        this.truncated = truncated;
    }

    /**
     * @param locks     write-blocking and other lock modes the migration held, by table name
     * @param truncated the tables the migration's own text truncates: their new storage is no rewrite
     */
    static List<Violation> classify(String script, CatalogSnapshot before, CatalogSnapshot after,
                                    Map<String, List<String>> locks, Set<String> truncated) {
        CatalogChanges changes = new CatalogChanges(script, before, after, truncated);
        changes.tables(locks);
        changes.views();
        changes.enums();
        changes.cascades();
        if (changes.touched.size() > 1) {
            changes.add(Rule.IB310, "it changes " + changes.touched.size() + " existing tables and types: "
                    + String.join(", ", changes.touched));
        }
        return changes.findings;
    }

    private void tables(Map<String, List<String>> locks) {
        Map<Long, Table> afterByOid = new HashMap<>();
        after.tables().values().forEach(t -> afterByOid.put(t.oid(), t));
        for (Table old : before.tables().values()) {
            Table now = afterByOid.get(old.oid());
            if (now != null && !now.name().equals(old.name())) {
                renamedTables.put(old.name(), now.name());
            }
        }
        for (Table old : before.tables().values()) {
            Table now = afterByOid.get(old.oid());
            if (now == null) {
                add(Rule.IB301, "table " + old.name() + " was dropped");
                touched.add("table " + old.name());
                continue;
            }
            if (!now.name().equals(old.name())) {
                add(Rule.IB303, "table " + old.name() + " was renamed to " + now.name());
                touched.add("table " + old.name());
            }
            if (now.relfilenode() != old.relfilenode()) {
                touched.add("table " + old.name());
                if (!truncated.contains(old.name()) && !truncated.contains(now.name())) {
                    add(Rule.IB305, "table " + old.name() + " was rewritten (its relfilenode changed)");
                }
            }
            columns(old, now);
            constraints(old, now);
            indexes(old, now, locks.getOrDefault(now.name(), List.of()));
        }
    }

    private void columns(Table old, Table now) {
        Map<Integer, Column> nowByPosition = new HashMap<>();
        now.columns().values().forEach(c -> nowByPosition.put(c.position(), c));
        Set<Integer> oldPositions = new TreeSet<>();
        for (Column was : old.columns().values()) {
            oldPositions.add(was.position());
            Column is = nowByPosition.get(was.position());
            String where = old.name() + "." + was.name();
            if (is == null) {
                add(Rule.IB302, "column " + where + " was dropped");
                touched.add("table " + old.name());
                continue;
            }
            if (!is.name().equals(was.name())) {
                add(Rule.IB304, "column " + where + " was renamed to " + is.name());
                touched.add("table " + old.name());
            }
            if (!is.type().equals(was.type())) {
                // Postgres changes a type in place when the old values are valid as they are (varchar(n) to a
                // longer varchar or to text): no rewrite, no scan. Only a change that rewrote the table is one.
                if (now.relfilenode() != old.relfilenode()) {
                    add(Rule.IB305, "column " + where + " changed type from " + was.type() + " to " + is.type());
                }
                touched.add("table " + old.name());
            }
            if (is.notNull() && !was.notNull()) {
                // With a validated CHECK (col IS NOT NULL) in place, Postgres sets NOT NULL without scanning.
                if (!hasValidatedNotNullCheck(old, was.name())) {
                    add(Rule.IB306, "column " + where + " became NOT NULL");
                }
                touched.add("table " + old.name());
            }
            if (!Objects.equals(is.defaultExpression(), was.defaultExpression())) {
                touched.add("table " + old.name());
            }
        }
        for (Column is : now.columns().values()) {
            if (!oldPositions.contains(is.position())) {
                touched.add("table " + old.name());
                if (is.notNull()) {
                    add(Rule.IB307, "new column " + now.name() + "." + is.name() + " is NOT NULL" + (is.identity()
                            .isEmpty() ? is.defaultExpression() == null ? " without a default"
                            : " (DEFAULT " + is.defaultExpression() + ")" : " (an identity column)"));
                }
            }
        }
    }

    private static boolean hasValidatedNotNullCheck(Table table, String column) {
        String expected = "CHECK ((" + column + " IS NOT NULL))";
        return table.constraints().values().stream()
                .anyMatch(k -> k.type() == 'c' && k.validated() && k.definition().equals(expected));
    }

    /** Drops, renames and replacements of the table's constraints (IB314, IB315). */
    private void constraints(Table old, Table now) {
        Map<Long, Constraint> nowByOid = new HashMap<>();
        now.constraints().values().forEach(k -> nowByOid.put(k.oid(), k));
        for (Constraint was : old.constraints().values()) {
            Constraint is = nowByOid.get(was.oid());
            String where = now.name() + "." + was.name();
            if (is != null) {
                if (!is.name().equals(was.name())) {
                    add(Rule.IB315, "constraint " + old.name() + "." + was.name() + " was renamed to " + is.name());
                    touched.add("table " + old.name());
                }
                if (is.validated() != was.validated()) {
                    touched.add("table " + old.name());
                }
                continue;
            }
            Constraint sameName = now.constraints().get(was.name());
            if (sameName != null && recreatedUnchanged(was, sameName)) {
                continue; // re-created by Postgres itself, e.g. around a column type change
            }
            touched.add("table " + old.name());
            if (sameName != null) {
                add(Rule.IB314, "constraint " + where + " was dropped and re-created: it was " + was.definition()
                        + ", it is " + sameName.definition());
            } else {
                // Also when its column was dropped with it: the constraint's guarantee is gone either way.
                add(Rule.IB314, kind(was) + " " + where + " was dropped (" + was.definition() + ")");
            }
        }
    }

    /** A constraint of the same name, type and definition (read in the new table names): the same rule. */
    private boolean recreatedUnchanged(Constraint was, Constraint is) {
        return was.type() == is.type() && was.validated() == is.validated()
                && inNewNames(was.definition()).equals(is.definition());
    }

    private String inNewNames(String definition) {
        String renamed = definition;
        for (Map.Entry<String, String> rename : renamedTables.entrySet()) {
            renamed = renamed.replace("REFERENCES " + rename.getKey() + "(", "REFERENCES " + rename.getValue() + "(");
        }
        return renamed;
    }

    private static String kind(Constraint k) {
        return switch (k.type()) {
            case 'p' -> "primary key";
            case 'u' -> "unique constraint";
            case 'f' -> "foreign key";
            case 'c' -> "check constraint";
            case 'x' -> "exclusion constraint";
            default -> "constraint";
        };
    }

    /** New indexes and validated constraints: the scans a write-blocking lock held up (IB311). */
    private void indexes(Table old, Table now, List<String> locks) {
        List<String> scans = new ArrayList<>();
        for (Constraint k : now.constraints().values()) {
            if (isNew(k, old)) {
                touched.add("table " + old.name());
                if (k.validated() && (k.type() == 'f' || k.type() == 'c') && !onNewNullColumnsOnly(k, old, now)) {
                    scans.add("constraint " + k.name() + " was added validated");
                }
            }
        }
        Set<Long> oidsBefore = new HashSet<>();
        Set<Long> storageBefore = new HashSet<>();
        before.indexes().values().forEach(index -> {
            oidsBefore.add(index.oid());
            storageBefore.add(index.relfilenode());
        });
        Set<Long> oidsAfter = new HashSet<>();
        after.indexes().values().forEach(index -> oidsAfter.add(index.oid()));
        for (Index index : after.indexes().values()) {
            if (index.table().equals(now.name()) && !oidsBefore.contains(index.oid())) {
                touched.add("table " + old.name());
                if (!storageBefore.contains(index.relfilenode())) {
                    scans.add("index " + index.name() + " was built inside the migration's transaction");
                }
            }
        }
        for (Index index : before.indexes().values()) {
            if (index.table().equals(old.name()) && !oidsAfter.contains(index.oid())) {
                touched.add("table " + old.name());
            }
        }
        boolean blocksWrites = locks.stream().anyMatch(MigrationEffect.WRITE_BLOCKING::contains);
        if (blocksWrites && !scans.isEmpty()) {
            add(Rule.IB311, "table " + now.name() + " was held in " + String.join(", ", locks) + " while "
                    + String.join("; ", scans));
        }
    }

    /** Neither the same constraint (by oid) nor one Postgres re-created unchanged under its name. */
    private boolean isNew(Constraint k, Table old) {
        boolean sameOid = old.constraints().values().stream().anyMatch(was -> was.oid() == k.oid());
        Constraint sameName = old.constraints().get(k.name());
        return !sameOid && (sameName == null || !recreatedUnchanged(sameName, k));
    }

    /**
     * A foreign key on columns this migration added without a default: they are all NULL, so Postgres marks the
     * key valid without reading a row.
     */
    private static boolean onNewNullColumnsOnly(Constraint k, Table old, Table now) {
        if (k.type() != 'f' || k.columns().isEmpty()) {
            return false;
        }
        Set<Integer> oldPositions = new HashSet<>();
        old.columns().values().forEach(c -> oldPositions.add(c.position()));
        return k.columns().stream().map(now.columns()::get).allMatch(column -> column != null
                && !oldPositions.contains(column.position()) && column.defaultExpression() == null);
    }

    private void views() {
        Map<Long, View> afterByOid = new HashMap<>();
        after.views().values().forEach(v -> afterByOid.put(v.oid(), v));
        for (View old : before.views().values()) {
            View now = afterByOid.get(old.oid());
            String kind = old.kind() == 'm' ? "materialized view " : "view ";
            if (now == null && !after.views().containsKey(old.name())) {
                add(Rule.IB312, kind + old.name() + " was dropped");
            } else if (now != null && !now.name().equals(old.name())) {
                add(Rule.IB313, kind + old.name() + " was renamed to " + now.name());
            }
        }
    }

    private void enums() {
        Map<Long, EnumType> afterByOid = new HashMap<>();
        after.enums().values().forEach(e -> afterByOid.put(e.oid(), e));
        for (EnumType old : before.enums().values()) {
            EnumType now = afterByOid.get(old.oid());
            if (now == null) {
                add(Rule.IB308, "enum type " + old.name() + " was dropped with its values " + old.labels());
                touched.add("type " + old.name());
                continue;
            }
            if (!now.name().equals(old.name()) || !now.labels().equals(old.labels())) {
                touched.add("type " + old.name());
            }
            List<String> prefix = now.labels().subList(0, Math.min(old.labels().size(), now.labels().size()));
            if (!prefix.equals(old.labels())) {
                List<String> removed = new ArrayList<>(old.labels());
                removed.removeAll(now.labels());
                add(Rule.IB308, "enum " + old.name() + " went from " + old.labels() + " to " + now.labels()
                        + (removed.isEmpty() ? " (a value was inserted before existing ones)"
                        : " (no longer has " + removed + ")"));
            }
        }
    }

    /** Cascading foreign keys this migration added (not those a renamed or altered table already had). */
    private void cascades() {
        Map<Long, Table> beforeByOid = new HashMap<>();
        before.tables().values().forEach(t -> beforeByOid.put(t.oid(), t));
        for (Table table : after.tables().values()) {
            Optional<Table> old = Optional.ofNullable(beforeByOid.get(table.oid()));
            for (Constraint k : table.constraints().values()) {
                boolean isNew = old.map(t -> isNew(k, t)).orElse(true);
                if (isNew && k.type() == 'f' && CASCADING.matcher(k.definition()).find()) {
                    add(Rule.IB309, "foreign key " + table.name() + "." + k.name() + ": " + k.definition());
                }
            }
        }
    }

    private void add(Rule rule, String message) {
        findings.add(new Violation(script, 0, rule, message));
    }
}

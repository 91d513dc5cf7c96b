package com.inboop.codegen.guard.semantic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.inboop.codegen.catalog.CatalogSnapshot;
import com.inboop.codegen.catalog.CatalogSnapshot.Column;
import com.inboop.codegen.catalog.CatalogSnapshot.Constraint;
import com.inboop.codegen.catalog.CatalogSnapshot.EnumType;
import com.inboop.codegen.catalog.CatalogSnapshot.Table;
import com.inboop.codegen.guard.Rule;
import com.inboop.codegen.guard.Violation;

/**
 * Classifies the difference between the catalog before and after one migration (IB301 to IB311). Objects are
 * matched by identity (table oid, column position, enum oid), not by name, which is how renames are told apart
 * from a drop plus an add.
 */
final class CatalogChanges {

    private static final Pattern CASCADING = Pattern.compile(
            "ON (DELETE|UPDATE) (CASCADE|SET NULL|SET DEFAULT)");

    private final String script;
    private final List<Violation> findings = new ArrayList<>();
    private final Set<String> touched = new TreeSet<>();

    private CatalogChanges(String script) {
        this.script = script;
    }

    /**
     * @param locks write-blocking and other lock modes the migration held, by table name
     */
    static List<Violation> classify(String script, CatalogSnapshot before, CatalogSnapshot after,
                                    Map<String, List<String>> locks) {
        CatalogChanges changes = new CatalogChanges(script);
        changes.tables(before, after, locks);
        changes.enums(before, after);
        changes.cascades(before, after);
        if (changes.touched.size() > 1) {
            changes.add(Rule.IB310, "it changes " + changes.touched.size() + " existing tables and types: "
                    + String.join(", ", changes.touched));
        }
        return changes.findings;
    }

    private void tables(CatalogSnapshot before, CatalogSnapshot after, Map<String, List<String>> locks) {
        Map<Long, Table> afterByOid = new HashMap<>();
        after.tables().values().forEach(t -> afterByOid.put(t.oid(), t));
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
                add(Rule.IB305, "table " + old.name() + " was rewritten (its relfilenode changed)");
                touched.add("table " + old.name());
            }
            columns(old, now);
            constraintsAndIndexes(old, now, before, after, locks.getOrDefault(now.name(), List.of()));
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
                add(Rule.IB305, "column " + where + " changed type from " + was.type() + " to " + is.type());
                touched.add("table " + old.name());
            }
            if (is.notNull() && !was.notNull()) {
                // With a validated CHECK (col IS NOT NULL) in place, Postgres sets NOT NULL without scanning.
                if (!hasValidatedNotNullCheck(old, was.name())) {
                    add(Rule.IB306, "column " + where + " became NOT NULL");
                }
                touched.add("table " + old.name());
            }
            if (!java.util.Objects.equals(is.defaultExpression(), was.defaultExpression())) {
                touched.add("table " + old.name());
            }
        }
        for (Column is : now.columns().values()) {
            if (!oldPositions.contains(is.position())) {
                touched.add("table " + old.name());
                if (is.notNull() && is.defaultExpression() == null && is.identity().isEmpty()) {
                    add(Rule.IB307, "new column " + old.name() + "." + is.name() + " is NOT NULL without a default");
                }
            }
        }
    }

    private static boolean hasValidatedNotNullCheck(Table table, String column) {
        String expected = "CHECK ((" + column + " IS NOT NULL))";
        return table.constraints().values().stream()
                .anyMatch(k -> k.type() == 'c' && k.validated() && k.definition().equals(expected));
    }

    private void constraintsAndIndexes(Table old, Table now, CatalogSnapshot before, CatalogSnapshot after,
                                       List<String> locks) {
        boolean blocksWrites = locks.stream().anyMatch(MigrationEffect.WRITE_BLOCKING::contains);
        List<String> scans = new ArrayList<>();
        for (Constraint k : now.constraints().values()) {
            Constraint was = old.constraints().get(k.name());
            if (was == null || !was.definition().equals(k.definition()) || was.validated() != k.validated()) {
                touched.add("table " + old.name());
                boolean newlyValidated = k.validated() && (was == null || !was.validated());
                if (newlyValidated && (k.type() == 'f' || k.type() == 'c') && was == null) {
                    scans.add("constraint " + k.name() + " was added validated");
                }
            }
        }
        if (!old.constraints().keySet().equals(now.constraints().keySet())) {
            touched.add("table " + old.name());
        }
        Set<Long> indexesBefore = new java.util.HashSet<>();
        before.indexes().values().forEach(index -> indexesBefore.add(index.oid()));
        Set<Long> indexesAfter = new java.util.HashSet<>();
        after.indexes().values().forEach(index -> indexesAfter.add(index.oid()));
        for (var index : after.indexes().values()) {
            if (index.table().equals(now.name()) && !indexesBefore.contains(index.oid())) {
                touched.add("table " + old.name());
                scans.add("index " + index.name() + " was built inside the migration's transaction");
            }
        }
        for (var index : before.indexes().values()) {
            if (index.table().equals(old.name()) && !indexesAfter.contains(index.oid())) {
                touched.add("table " + old.name());
            }
        }
        if (blocksWrites && !scans.isEmpty()) {
            add(Rule.IB311, "table " + now.name() + " was held in " + String.join(", ", locks) + " while "
                    + String.join("; ", scans));
        }
    }

    private void enums(CatalogSnapshot before, CatalogSnapshot after) {
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

    private void cascades(CatalogSnapshot before, CatalogSnapshot after) {
        for (Table table : after.tables().values()) {
            Table old = before.tables().get(table.name());
            for (Constraint k : table.constraints().values()) {
                boolean isNew = old == null || !old.constraints().containsKey(k.name())
                        || !old.constraints().get(k.name()).definition().equals(k.definition());
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

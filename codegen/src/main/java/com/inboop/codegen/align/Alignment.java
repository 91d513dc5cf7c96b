package com.inboop.codegen.align;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.inboop.codegen.catalog.CatalogSnapshot;
import com.inboop.codegen.catalog.CatalogSnapshot.Column;
import com.inboop.codegen.catalog.CatalogSnapshot.Constraint;
import com.inboop.codegen.catalog.CatalogSnapshot.EnumType;
import com.inboop.codegen.catalog.CatalogSnapshot.Index;
import com.inboop.codegen.catalog.CatalogSnapshot.Table;

/**
 * Compares a source catalog (a live database, or what the migrations build) with the design's target catalog and
 * proposes the minimal additive migrations for what is missing, each one logical change that passes the migration
 * guard: enum types by a guarded {@code CREATE TYPE}, enum values appended, tables created, columns added nullable,
 * foreign keys added {@code NOT VALID} and validated in a later migration, indexes built {@code CONCURRENTLY}.
 * Whatever additive steps cannot fix (a different type or nullability, enum values in another order, objects the
 * design does not have) is reported as needing an explicit, approved change, and never proposed.
 */
public final class Alignment {

    /** How every proposal begins, so that the writer can tell its own earlier files from anything else. */
    public static final String MARKER = "-- Proposed by align from design/target-schema.sql:";

    private static final Pattern REFERENCES = Pattern.compile("FOREIGN KEY \\((\\w+)\\) REFERENCES (\\w+)\\(");
    private static final String APPROVAL_NOTE = "needs an explicit, approved change";

    private final CatalogSnapshot source;
    private final CatalogSnapshot target;
    private final List<String> missing = new ArrayList<>();
    private final List<String> needsApproval = new ArrayList<>();
    private final List<ProposedMigration> proposals = new ArrayList<>();
    private final Map<String, List<String>> toValidate = new LinkedHashMap<>();

    private Alignment(CatalogSnapshot source, CatalogSnapshot target) {
        this.source = source;
        this.target = target;
    }

    /** What {@code source} lacks or has differently compared with {@code target}, and the proposals. */
    public static AlignmentReport between(CatalogSnapshot source, CatalogSnapshot target) {
        Alignment alignment = new Alignment(source, target);
        alignment.extensions();
        alignment.enums();
        alignment.tables();
        alignment.validations();
        alignment.functions();
        alignment.indexes();
        alignment.extras();
        return new AlignmentReport(alignment.missing, alignment.needsApproval, alignment.proposals);
    }

    /** Extensions first: the design's indexes may use their operator classes (pg_trgm's gin_trgm_ops). */
    private void extensions() {
        for (String wanted : target.extensions()) {
            if (!source.extensions().contains(wanted)) {
                missing.add("extension " + wanted);
                proposals.add(new ProposedMigration("create_" + wanted + "_extension",
                        header("extension " + wanted + ", as the design has it.")
                                + "CREATE EXTENSION IF NOT EXISTS " + wanted + ";\n", Optional.empty()));
            }
        }
    }

    /**
     * The design's functions the source lacks, after the tables (a SQL function's body is checked against them when
     * it is created) and before the indexes (an expression index may call one). A function the source has with
     * another definition (white space aside) needs approval: replacing it changes what its callers (triggers,
     * indexes) do.
     */
    private void functions() {
        target.functions().forEach((signature, definition) -> {
            String have = source.functions().get(signature);
            if (have == null) {
                missing.add("function " + signature);
                String name = signature.substring(0, signature.indexOf('('));
                proposals.add(new ProposedMigration("create_" + name + "_function",
                        header("function " + signature + ", as the design has it.") + definition.strip() + ";\n",
                        Optional.empty()));
            } else if (!have.replaceAll("\\s+", " ").equals(definition.replaceAll("\\s+", " "))) {
                needsApproval.add("function " + signature + " is defined differently from the design ("
                        + APPROVAL_NOTE + ")");
            }
        });
    }

    private void enums() {
        for (EnumType wanted : target.enums().values()) {
            EnumType have = source.enums().get(wanted.name());
            if (have == null) {
                missing.add("enum type " + wanted.name() + " " + wanted.labels());
                proposals.add(new ProposedMigration("create_" + wanted.name() + "_enum", header(
                        "enum type " + wanted.name() + ", as the design has it. Append-only.")
                        + "-- Postgres has no CREATE TYPE IF NOT EXISTS: the block creates it only where missing.\n"
                        + "-- inboop:approve IB206 guarded CREATE TYPE: Postgres has no CREATE TYPE IF NOT EXISTS\n"
                        + "DO $$\nBEGIN\n    IF to_regtype('public." + wanted.name() + "') IS NULL THEN\n"
                        + "        CREATE TYPE public." + wanted.name() + " AS ENUM (" + quoted(wanted.labels())
                        + ");\n    END IF;\nEND\n$$;\n", Optional.empty()));
                continue;
            }
            List<String> shared = have.labels().stream().filter(wanted.labels()::contains).toList();
            boolean prefix = have.labels().equals(wanted.labels().subList(0, Math.min(have.labels().size(),
                    wanted.labels().size())));
            if (!shared.equals(have.labels()) || !prefix) {
                needsApproval.add("enum " + wanted.name() + " is " + have.labels() + ", the design says "
                        + wanted.labels() + ": its values differ or are in another order (" + APPROVAL_NOTE + ")");
                continue;
            }
            List<String> tail = wanted.labels().subList(have.labels().size(), wanted.labels().size());
            if (!tail.isEmpty()) {
                tail.forEach(value -> missing.add("enum value " + wanted.name() + "." + value));
                StringBuilder sql = new StringBuilder(header("values " + tail + " appended to enum " + wanted.name()
                        + " (ADD VALUE appends; the existing values keep their order)."));
                tail.forEach(value -> sql.append("ALTER TYPE ").append(wanted.name()).append(" ADD VALUE IF NOT EXISTS '")
                        .append(value).append("';\n"));
                proposals.add(new ProposedMigration("add_values_to_" + wanted.name() + "_enum", sql.toString(),
                        Optional.empty()));
            }
        }
    }

    private void tables() {
        for (Table wanted : dependencyOrder(target.tables().values())) {
            Table have = source.tables().get(wanted.name());
            if (have == null) {
                missing.add("table " + wanted.name());
                proposals.add(createTable(wanted));
                continue;
            }
            for (Column column : wanted.columns().values()) {
                Column existing = have.columns().get(column.name());
                String where = wanted.name() + "." + column.name();
                if (existing == null) {
                    missing.add("column " + where + " " + column.type());
                    proposals.add(addColumn(wanted, column));
                    if (column.notNull() || column.defaultExpression() != null) {
                        needsApproval.add("column " + where + ": the design wants it" + (column.notNull()
                                ? " NOT NULL" : "") + (column.defaultExpression() != null ? " DEFAULT "
                                + column.defaultExpression() : "") + "; proposed nullable without default, the rest "
                                + APPROVAL_NOTE + " after a backfill");
                    }
                    continue;
                }
                if (!existing.type().equals(column.type())) {
                    needsApproval.add("column " + where + " is " + existing.type() + ", the design says "
                            + column.type() + " (" + APPROVAL_NOTE + ")");
                }
                if (existing.notNull() != column.notNull()) {
                    needsApproval.add("column " + where + " is " + (existing.notNull() ? "NOT NULL" : "nullable")
                            + ", the design says " + (column.notNull() ? "NOT NULL" : "nullable") + " ("
                            + APPROVAL_NOTE + ")");
                }
            }
            for (Constraint constraint : wanted.constraints().values()) {
                Constraint existing = have.constraints().get(constraint.name());
                if (existing != null) {
                    if (!existing.definition().equals(constraint.definition())) {
                        needsApproval.add("constraint " + wanted.name() + "." + constraint.name() + " is "
                                + existing.definition() + ", the design says " + constraint.definition() + " ("
                                + APPROVAL_NOTE + ")");
                    }
                    continue;
                }
                if (constraint.type() != 'f') {
                    missing.add("constraint " + wanted.name() + "." + constraint.name());
                    needsApproval.add("constraint " + wanted.name() + "." + constraint.name() + " "
                            + constraint.definition() + " cannot be added to an existing table without a "
                            + "write-blocking lock (" + APPROVAL_NOTE + ")");
                    continue;
                }
                Matcher fk = REFERENCES.matcher(constraint.definition());
                boolean newColumn = fk.find() && !have.columns().containsKey(fk.group(1));
                if (!newColumn) {
                    missing.add("foreign key " + wanted.name() + "." + constraint.name());
                    proposals.add(new ProposedMigration("add_" + constraint.name(), header("foreign key "
                            + constraint.name() + ", for identity only, added NOT VALID: existing rows are validated "
                            + "by a later migration without blocking writes.") + addForeignKey(wanted.name(),
                            constraint), Optional.empty()));
                    toValidate.computeIfAbsent(wanted.name(), t -> new ArrayList<>()).add(constraint.name());
                }
            }
        }
    }

    private ProposedMigration addColumn(Table table, Column column) {
        StringBuilder sql = new StringBuilder(header(table.name() + "." + column.name() + ", as the design has it. "
                + "Nullable, no default: a catalog-only change, no table rewrite."));
        sql.append("ALTER TABLE ").append(table.name()).append("\n    ADD COLUMN IF NOT EXISTS ")
                .append(column.name()).append(' ').append(column.type()).append(";\n");
        for (Constraint constraint : table.constraints().values()) {
            Matcher fk = REFERENCES.matcher(constraint.definition());
            if (constraint.type() == 'f' && fk.find() && fk.group(1).equals(column.name())) {
                missing.add("foreign key " + table.name() + "." + constraint.name());
                sql.append("\n").append(addForeignKey(table.name(), constraint));
                toValidate.computeIfAbsent(table.name(), t -> new ArrayList<>()).add(constraint.name());
            }
        }
        return new ProposedMigration("add_" + column.name() + "_to_" + table.name(), sql.toString(), Optional.empty());
    }

    private static String addForeignKey(String table, Constraint constraint) {
        return "ALTER TABLE " + table + "\n    ADD CONSTRAINT " + constraint.name() + " " + constraint.definition()
                + " NOT VALID;\n";
    }

    private ProposedMigration createTable(Table table) {
        List<String> lines = new ArrayList<>();
        for (Column column : table.columns().values()) {
            lines.add("    " + column.name() + " " + column.type()
                    + (column.identity().equals("d") ? " GENERATED BY DEFAULT AS IDENTITY"
                    : column.identity().equals("a") ? " GENERATED ALWAYS AS IDENTITY" : "")
                    + (column.notNull() ? " NOT NULL" : "")
                    + (column.defaultExpression() != null ? " DEFAULT " + column.defaultExpression() : ""));
        }
        for (Constraint constraint : table.constraints().values()) {
            lines.add("    CONSTRAINT " + constraint.name() + " " + constraint.definition());
        }
        StringBuilder sql = new StringBuilder(header("table " + table.name() + ", as the design has it. A new, "
                + "empty table: its indexes are built in place. Not IF NOT EXISTS: a table of that name that exists "
                + "already may hold rows, and this migration should then stop rather than build its indexes "
                + "blocking writes (the guard reports such an index, IB201)."));
        sql.append("CREATE TABLE ").append(table.name()).append(" (\n")
                .append(String.join(",\n", lines)).append("\n);\n");
        for (Index index : target.indexes().values()) {
            if (index.table().equals(table.name()) && !table.constraints().containsKey(index.name())) {
                sql.append('\n').append(ifNotExists(index.definition(), false)).append(";\n");
            }
        }
        return new ProposedMigration("create_" + table.name() + "_table", sql.toString(), Optional.empty());
    }

    private void validations() {
        toValidate.forEach((table, constraints) -> {
            StringBuilder sql = new StringBuilder(header("validates the foreign keys proposed NOT VALID on " + table
                    + ": VALIDATE CONSTRAINT scans the table holding only SHARE UPDATE EXCLUSIVE, so reads and writes "
                    + "go on."));
            constraints.forEach(name -> sql.append("\nALTER TABLE ").append(table).append(" VALIDATE CONSTRAINT ")
                    .append(name).append(';'));
            proposals.add(new ProposedMigration("validate_foreign_keys_on_" + table, sql.append('\n').toString(),
                    Optional.empty()));
        });
    }

    private void indexes() {
        for (Index wanted : target.indexes().values()) {
            Table table = target.tables().get(wanted.table());
            if (table == null || table.constraints().containsKey(wanted.name())
                    || !source.tables().containsKey(wanted.table())) {
                continue; // backs a constraint, or comes with a table created above
            }
            Index have = source.indexes().get(wanted.name());
            if (have != null) {
                if (!have.definition().equals(wanted.definition())) {
                    needsApproval.add("index " + wanted.name() + " is " + have.definition() + ", the design says "
                            + wanted.definition() + " (" + APPROVAL_NOTE + ")");
                }
                continue;
            }
            missing.add("index " + wanted.name());
            proposals.add(new ProposedMigration("create_index_" + wanted.name(), header("index " + wanted.name()
                    + ", built CONCURRENTLY so reads and writes go on; that cannot run in a transaction, hence the "
                    + ".sql.conf. CONCURRENTLY blocks no one while it waits, so the session's lock_timeout is lifted "
                    + "for it. If it fails, drop the INVALID index it leaves before running it again.")
                    + "SET lock_timeout = 0;\n\n" + ifNotExists(wanted.definition(), true) + ";\n",
                    Optional.of("executeInTransaction=false\n")));
        }
    }

    private void extras() {
        for (Table have : source.tables().values()) {
            Table wanted = target.tables().get(have.name());
            if (wanted == null) {
                needsApproval.add("table " + have.name() + " is not in the design (" + APPROVAL_NOTE + ")");
                continue;
            }
            have.columns().keySet().stream().filter(name -> !wanted.columns().containsKey(name))
                    .forEach(name -> needsApproval.add("column " + have.name() + "." + name + " is not in the design ("
                            + APPROVAL_NOTE + ")"));
        }
        for (EnumType have : source.enums().values()) {
            if (!target.enums().containsKey(have.name())) {
                needsApproval.add("enum " + have.name() + " is not in the design (" + APPROVAL_NOTE + ")");
            }
        }
        for (Index have : source.indexes().values()) {
            Table table = source.tables().get(have.table());
            boolean backsConstraint = table != null && table.constraints().containsKey(have.name());
            if (!target.indexes().containsKey(have.name()) && !backsConstraint) {
                needsApproval.add("index " + have.name() + " is not in the design (" + APPROVAL_NOTE + ")");
            }
        }
    }

    /** Tables so that each comes after the tables its foreign keys reference. */
    private static List<Table> dependencyOrder(java.util.Collection<Table> tables) {
        Map<String, Table> byName = new LinkedHashMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < byName.size()) {
            int before = placed.size();
            for (Table table : byName.values()) {
                if (placed.contains(table.name())) {
                    continue;
                }
                boolean ready = table.constraints().values().stream()
                        .map(c -> REFERENCES.matcher(c.definition()))
                        .filter(Matcher::find)
                        .map(m -> m.group(2))
                        .allMatch(ref -> ref.equals(table.name()) || placed.contains(ref) || !byName.containsKey(ref));
                if (ready) {
                    placed.add(table.name());
                }
            }
            if (placed.size() == before) {
                byName.keySet().stream().filter(name -> !placed.contains(name)).forEach(placed::add); // a cycle
            }
        }
        return placed.stream().map(byName::get).filter(Objects::nonNull).toList();
    }

    private static String ifNotExists(String definition, boolean concurrently) {
        String prefix = definition.startsWith("CREATE UNIQUE INDEX ") ? "CREATE UNIQUE INDEX " : "CREATE INDEX ";
        return prefix + (concurrently ? "CONCURRENTLY " : "") + "IF NOT EXISTS " + definition.substring(prefix.length());
    }

    private static String header(String what) {
        StringBuilder text = new StringBuilder();
        StringBuilder line = new StringBuilder("--");
        for (String word : (MARKER.substring(3) + " " + what).split(" ")) {
            if (line.length() + word.length() + 1 > 116) {
                text.append(line).append('\n');
                line = new StringBuilder("--");
            }
            line.append(' ').append(word);
        }
        return text.append(line).append("\n-- Review it; approving means moving it into migrations/.\n\n").toString();
    }

    private static String quoted(List<String> labels) {
        return String.join(", ", labels.stream().map(l -> "'" + l.replace("'", "''") + "'").toList());
    }
}

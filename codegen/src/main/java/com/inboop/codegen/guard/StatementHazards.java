package com.inboop.codegen.guard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.inboop.codegen.guard.rule.Rule;
import com.inboop.codegen.guard.rule.Violation;
import com.inboop.codegen.guard.sql.Statement;
import com.inboop.codegen.guard.sql.Token;

/**
 * The static statement rules (IB2xx), read from one migration's statements without a database. "Existing table"
 * means any table this migration did not create itself: the static layer cannot know more, and the semantic layer
 * checks what really happened.
 */
final class StatementHazards {

    private static final Set<String> DML = Set.of("update", "insert", "delete", "merge", "copy");
    private static final Set<String> DDL = Set.of("create", "alter", "drop", "comment");

    /**
     * Words followed by a parenthesis that are not calls of user functions (keywords, type modifiers) or are calls
     * of built-in functions without side effects on the schema's data; anything else a SELECT or CALL invokes may
     * change data in ways only a database with data would show.
     */
    private static final Set<String> NOT_A_SIDE_EFFECT = Set.of("in", "exists", "any", "all", "some", "array",
            "row", "values", "cast", "coalesce", "nullif", "greatest", "least", "over", "filter", "within", "numeric",
            "varchar", "char", "character", "decimal", "timestamp", "timestamptz", "time", "interval", "bit", "float",
            "using", "on", "as", "from", "join", "where", "and", "or", "not", "select", "count", "sum", "min", "max",
            "avg", "now", "lower", "upper", "length", "format", "concat", "substring", "trim", "to_char",
            "to_timestamp", "date_trunc", "extract", "set_config", "current_setting", "pg_advisory_lock",
            "pg_advisory_xact_lock", "pg_advisory_unlock", "pg_try_advisory_lock", "pg_sleep", "to_regclass", "string_agg",
            "array_agg", "jsonb_build_object", "json_build_object", "row_number");

    private final MigrationScript script;
    /** Relations this file creates: certainly new, empty, seen by nobody else until the migration commits. */
    private final Set<String> createdHere = new HashSet<>();
    /**
     * Relations this file creates {@code IF NOT EXISTS}, with the line: on the databases such a history adopts they
     * may already exist, with rows, so what this file does to them next is judged as on an existing table, and the
     * finding says so.
     */
    private final Map<String, Integer> maybeExisting = new HashMap<>();
    private final List<Violation> violations = new ArrayList<>();

    private StatementHazards(MigrationScript script) {
        this.script = script;
    }

    static List<Violation> check(MigrationScript script) {
        StatementHazards hazards = new StatementHazards(script);
        hazards.run();
        return hazards.violations;
    }

    private void run() {
        Statement firstDml = null;
        Statement firstDdl = null;
        List<String> newEnumValues = new ArrayList<>();
        for (Statement statement : script.statements()) {
            String verb = statement.tokens().get(0).kind() == Token.Kind.WORD
                    ? statement.tokens().get(0).identifier() : "";
            checkEnumValueUse(statement, newEnumValues);
            if (isDml(statement, verb)) {
                firstDml = firstDml == null ? statement : firstDml;
            }
            if (DDL.contains(verb)) {
                firstDdl = firstDdl == null ? statement : firstDdl;
            }
            switch (verb) {
                case "create" -> create(statement);
                case "drop" -> drop(statement);
                case "alter" -> alter(statement, newEnumValues);
                case "do" -> add(statement, Rule.IB206, "DO block at line " + statement.line()
                        + "; the semantic layer checks what it does when it runs");
                case "truncate" -> add(statement, Rule.IB208, "TRUNCATE "
                        + String.join(", ", MigrationScript.truncatedBy(statement)) + " deletes every row");
                case "select", "call" -> functionCall(statement, verb);
                default -> {
                }
            }
        }
        if (firstDml != null && firstDdl != null) {
            add(firstDml, Rule.IB205, firstDml.tokens().get(0).text().toUpperCase(java.util.Locale.ROOT)
                    + " in a migration that also changes the schema (line " + firstDdl.line() + ")");
        }
    }

    /** A function called for its effect: {@code SELECT backfill_orders()}, {@code CALL p()}. */
    private void functionCall(Statement s, String verb) {
        if (verb.equals("call")) {
            add(s, Rule.IB209, "CALL " + s.nameAt(1) + "(...)");
            return;
        }
        for (int i = 0; i + 1 < s.tokens().size(); i++) {
            Token token = s.tokens().get(i);
            boolean called = (token.kind() == Token.Kind.WORD || token.kind() == Token.Kind.QUOTED_IDENTIFIER)
                    && s.tokens().get(i + 1).isSymbol('(');
            if (called && !NOT_A_SIDE_EFFECT.contains(token.identifier())) {
                add(s, Rule.IB209, "SELECT calls " + token.identifier() + "(...)");
                return;
            }
        }
    }

    private static boolean isDml(Statement statement, String verb) {
        if (DML.contains(verb)) {
            return true;
        }
        // WITH ... INSERT/UPDATE/DELETE: a data-modifying common table expression.
        return verb.equals("with") && statement.tokens().stream()
                .anyMatch(t -> t.kind() == Token.Kind.WORD && DML.contains(t.identifier()));
    }

    private void create(Statement s) {
        int i = s.skipWords(1, new String[] {"or", "replace"}, new String[] {"unlogged"});
        int relation = s.indexAfter(i, "table");
        if (relation < 0) {
            relation = s.indexAfter(i, "materialized", "view");
        }
        if (relation >= 0) {
            int name = s.skipWords(relation, new String[] {"if", "not", "exists"});
            String created = s.nameAt(name);
            if (created != null && name > relation) {
                maybeExisting.put(created, s.line());
            } else if (created != null) {
                createdHere.add(created);
            }
            return;
        }
        int index = s.indexAfter(s.skipWords(1, new String[] {"unique"}), "index");
        if (index < 0) {
            return;
        }
        boolean concurrently = s.indexAfter(index, "concurrently") >= 0;
        int on = -1;
        for (int j = index; j < s.tokens().size(); j++) {
            if (s.tokens().get(j).isWord("on")) {
                on = j + 1;
                break;
            }
        }
        String table2 = on < 0 ? null : s.nameAt(s.skipWords(on, new String[] {"only"}));
        if (!concurrently && table2 != null && !createdHere.contains(table2)) {
            add(s, Rule.IB201, "CREATE INDEX on existing table " + table2 + " without CONCURRENTLY"
                    + assumedExisting(table2));
        }
    }

    private void drop(Statement s) {
        int index = s.indexAfter(1, "index");
        if (index >= 0 && s.indexAfter(index, "concurrently") < 0) {
            add(s, Rule.IB202, "DROP INDEX without CONCURRENTLY");
        }
        boolean materialized = s.indexAfter(1, "materialized", "view") >= 0;
        int view = materialized ? s.indexAfter(1, "materialized", "view") : s.indexAfter(1, "view");
        if (view < 0) {
            return;
        }
        // Views are often dropped and re-created in one script; only a view that stays gone is a drop. Named here
        // as well as on Postgres because on a fresh database the view may not exist yet (a repeatable migration
        // creates it after the versioned ones), which makes the drop invisible to the semantic layer.
        Set<String> recreated = viewsCreated();
        for (int[] item : s.topLevelItems(s.skipWords(view, new String[] {"if", "exists"}))) {
            String name = s.qualifiedNameAt(item[0]);
            if (name != null && !recreated.contains(name)) {
                add(s, Rule.IB312, (materialized ? "materialized view " : "view ") + name + " was dropped");
            }
        }
    }

    /** The views (and materialized views) this script creates, anywhere in it. */
    private Set<String> viewsCreated() {
        Set<String> views = new HashSet<>();
        for (Statement statement : script.statements()) {
            if (!statement.startsWith("create")) {
                continue;
            }
            int i = statement.skipWords(1, new String[] {"or", "replace"}, new String[] {"temp"},
                    new String[] {"temporary"}, new String[] {"recursive"}, new String[] {"materialized"});
            int view = statement.indexAfter(i, "view");
            if (view >= 0) {
                String name = statement.qualifiedNameAt(statement.skipWords(view, new String[] {"if", "not",
                        "exists"}));
                if (name != null) {
                    views.add(name);
                }
            }
        }
        return views;
    }

    private void alter(Statement s, List<String> newEnumValues) {
        boolean materialized = s.indexAfter(1, "materialized", "view") >= 0;
        int view = materialized ? s.indexAfter(1, "materialized", "view") : s.indexAfter(1, "view");
        if (view >= 0) {
            int name = s.skipWords(view, new String[] {"if", "exists"});
            int rename = s.indexAfter(s.indexAfterName(name), "rename", "to");
            if (s.nameAt(name) != null && rename >= 0 && s.nameAt(rename) != null) {
                // RENAME TO keeps the view in its schema.
                add(s, Rule.IB313, (materialized ? "materialized view " : "view ") + s.qualifiedNameAt(name)
                        + " was renamed to " + s.schemaPrefixAt(name) + s.nameAt(rename));
            }
            return;
        }
        int type = s.indexAfter(1, "type");
        if (type >= 0) {
            int afterName = s.indexAfterName(type);
            if (s.indexAfter(afterName, "rename", "value") >= 0) {
                add(s, Rule.IB204, "ALTER TYPE " + s.nameAt(type) + " RENAME VALUE");
            }
            int add = s.indexAfter(afterName, "add", "value");
            if (add >= 0) {
                int value = s.skipWords(add, new String[] {"if", "not", "exists"});
                if (value < s.tokens().size() && s.tokens().get(value).kind() == Token.Kind.STRING) {
                    newEnumValues.add(s.tokens().get(value).text());
                }
            }
            return;
        }
        int table = s.indexAfter(1, "table");
        if (table < 0) {
            return;
        }
        int name = s.skipWords(table, new String[] {"if", "exists"}, new String[] {"only"});
        String tableName = s.nameAt(name);
        if (tableName == null || createdHere.contains(tableName)) {
            return;
        }
        for (int[] action : s.topLevelItems(s.indexAfterName(name))) {
            droppedColumn(s, tableName, action);
            boolean adds = s.indexAfter(action[0], "add") >= 0;
            boolean references = s.containsWords(action[0], action[1], "foreign", "key")
                    || s.containsWord(action[0], action[1], "references");
            boolean checks = s.containsWord(action[0], action[1], "check");
            if (!adds || !(references || checks) || s.containsWords(action[0], action[1], "not", "valid")) {
                continue;
            }
            boolean newColumn = s.indexAfter(action[0], "add", "column") >= 0 || isAddColumnWithoutKeyword(s, action[0]);
            // A new column without a default is all NULL: Postgres marks its foreign key valid without a scan.
            // A CHECK on it is still verified against every row, and a default makes the key check every row.
            if (newColumn && !checks && !s.containsWord(action[0], action[1], "default")) {
                continue;
            }
            add(s, Rule.IB203, "constraint added to existing table " + tableName + " without NOT VALID"
                    + (newColumn ? " (a column added with " + (checks ? "CHECK" : "REFERENCES and a DEFAULT")
                    + " is validated at once)" : "") + assumedExisting(tableName));
        }
    }

    /**
     * A column dropped from a table this file created {@code IF NOT EXISTS}: the semantic layer, on an empty
     * database, sees a table created and changed in one go, so only this layer can say that on the databases the
     * history adopts, the column held data. Columns of other existing tables are the semantic layer's (IB302).
     */
    private void droppedColumn(Statement s, String tableName, int[] action) {
        if (!maybeExisting.containsKey(tableName) || s.indexAfter(action[0], "drop") < 0) {
            return;
        }
        int at = s.skipWords(s.indexAfter(action[0], "drop"), new String[] {"column"}, new String[] {"if", "exists"});
        boolean column = s.indexAfter(action[0], "drop", "column") >= 0 || !(s.indexAfter(action[0], "drop",
                "constraint") >= 0 || s.indexAfter(action[0], "drop", "default") >= 0
                || s.indexAfter(action[0], "drop", "not") >= 0 || s.indexAfter(action[0], "drop", "expression") >= 0
                || s.indexAfter(action[0], "drop", "identity") >= 0);
        String dropped = column && at < action[1] ? s.nameAt(at) : null;
        if (dropped != null) {
            add(s, Rule.IB302, "column " + tableName + "." + dropped + " dropped" + assumedExisting(tableName));
        }
    }

    /** For a finding on {@code table}: the assumption made if this file created it {@code IF NOT EXISTS}. */
    private String assumedExisting(String table) {
        Integer line = maybeExisting.get(table);
        return line == null ? "" : " (" + table + " is created IF NOT EXISTS at line " + line + " of this file, so on "
                + "a database that has it already, it holds rows: assumed it does)";
    }

    /** {@code ADD name type ...}: ADD followed by neither COLUMN nor CONSTRAINT nor a table constraint keyword. */
    private static boolean isAddColumnWithoutKeyword(Statement s, int action) {
        int after = s.indexAfter(action, "add");
        if (after < 0 || after >= s.tokens().size()) {
            return false;
        }
        Token next = s.tokens().get(after);
        return !(next.isWord("constraint") || next.isWord("foreign") || next.isWord("check")
                || next.isWord("unique") || next.isWord("primary") || next.isWord("exclude"));
    }

    private void checkEnumValueUse(Statement s, List<String> newEnumValues) {
        if (newEnumValues.isEmpty()) {
            return;
        }
        for (Token token : s.tokens()) {
            if (token.kind() == Token.Kind.STRING && newEnumValues.contains(token.text())) {
                violations.add(new Violation(script.fileName(), token.line(), Rule.IB207,
                        "'" + token.text() + "' is used here but was added to its enum earlier in this migration"));
                return;
            }
        }
    }

    private void add(Statement s, Rule rule, String message) {
        violations.add(new Violation(script.fileName(), s.line(), rule, message));
    }
}

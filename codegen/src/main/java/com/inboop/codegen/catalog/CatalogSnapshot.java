package com.inboop.codegen.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The user-visible catalog of one schema at one moment: its tables with their columns and constraints, its
 * indexes, views, enum types, extensions, functions and triggers. Immutable.
 *
 * <p>{@link #structure()} renders it without physical details (oids, file nodes, column positions), so that two
 * databases built different ways compare equal exactly when their schemas are the same.
 *
 * @param tables  by name
 * @param indexes by name
 * @param enums   by type name
 * @param views      views and materialized views, by name
 * @param extensions the extensions installed into the schema (pg_trgm), by name
 * @param functions  the schema's own functions (an extension's are left out), by {@code name(arguments)}, each with
 *                   its whole definition as {@code pg_get_functiondef} writes it ({@code CREATE OR REPLACE FUNCTION})
 * @param triggers   the schema's triggers, each as {@code TABLE.NAME DEFINITION}
 */
public record CatalogSnapshot(Map<String, Table> tables, Map<String, Index> indexes, Map<String, EnumType> enums,
                              Map<String, View> views, java.util.SortedSet<String> extensions,
                              Map<String, String> functions, java.util.SortedSet<String> triggers) {

    /** inboop-db's own Flyway history table (flyway.conf's {@code flyway.table}). */
    public static final String INBOOP_HISTORY_TABLE = "inboop_schema_history";
    /** The Inboop backend's own Flyway history table in production databases, which inboop-db only ever reads. */
    public static final String BACKEND_HISTORY_TABLE = "flyway_schema_history";

    /**
     * Flyway history tables, which are bookkeeping rather than schema: inboop-db's own and the one the Inboop backend's
     * own migrations keep in production databases. Left out of every snapshot.
     */
    public static final List<String> HISTORY_TABLES = List.of(CatalogSnapshot.INBOOP_HISTORY_TABLE,
            CatalogSnapshot.BACKEND_HISTORY_TABLE);

    /** A table (or partitioned table). {@code relfilenode} changes exactly when Postgres rewrites the table. */
    public record Table(String name, long oid, long relfilenode, Map<String, Column> columns,
                        Map<String, Constraint> constraints) {
    }

    /** A column; {@code type} as {@code format_type} renders it, {@code defaultExpression} null when none. */
    public record Column(String name, int position, String type, boolean notNull, String defaultExpression,
                         String identity) {
    }

    /**
     * A constraint; {@code type} is Postgres' contype ({@code p f u c x}), {@code definition} its DDL, {@code columns}
     * the columns of its own table it constrains. The oid tells a renamed constraint from a new one.
     */
    public record Constraint(String name, long oid, char type, String definition, boolean validated,
                             List<String> columns) {
    }

    /**
     * An index with its {@code CREATE INDEX} definition; {@code valid} is false for a failed concurrent build. The
     * oid tells a new index from an existing one that was renamed (as {@code ADD CONSTRAINT ... USING INDEX} does);
     * the relfilenode tells an index built anew from one whose storage Postgres kept while re-creating its
     * definition (as a column type change that rewrites nothing does).
     */
    public record Index(String name, long oid, long relfilenode, String table, String definition, boolean valid) {
    }

    /** A view ({@code kind} {@code v}) or materialized view ({@code m}). */
    public record View(String name, long oid, char kind) {
    }

    /** An enum type's values in their sort order. */
    public record EnumType(String name, long oid, List<String> labels) {
    }

    /**
     * Reads the catalog of every schema a migration can put objects in (all but Postgres' own), merged into one: the
     * {@code public} schema's objects by their name, another schema's as {@code schema.name}, so that a history that
     * lives in its own schema (Flyway's {@code schemas}, or names written {@code app.t}) is seen as the public one.
     */
    public static CatalogSnapshot readAll(Connection connection) throws SQLException {
        List<String> schemas = new java.util.ArrayList<>();
        query(connection, """
                SELECT nspname FROM pg_namespace
                 WHERE nspname <> 'information_schema' AND nspname NOT LIKE 'pg\\_%'
                 ORDER BY nspname""", List.of(), rs -> schemas.add(rs.getString(1)));
        Map<String, Table> tables = new TreeMap<>();
        Map<String, Index> indexes = new TreeMap<>();
        Map<String, EnumType> enums = new TreeMap<>();
        Map<String, View> views = new TreeMap<>();
        java.util.SortedSet<String> extensions = new TreeSet<>();
        Map<String, String> functions = new TreeMap<>();
        java.util.SortedSet<String> triggers = new TreeSet<>();
        for (String schema : schemas) {
            String prefix = schema.equals("public") ? "" : schema + ".";
            CatalogSnapshot one = read(connection, schema);
            one.tables().values().forEach(t -> tables.put(prefix + t.name(), new Table(prefix + t.name(), t.oid(),
                    t.relfilenode(), t.columns(), t.constraints())));
            one.indexes().values().forEach(i -> indexes.put(prefix + i.name(), new Index(prefix + i.name(), i.oid(),
                    i.relfilenode(), prefix + i.table(), i.definition(), i.valid())));
            one.enums().values().forEach(e -> enums.put(prefix + e.name(), new EnumType(prefix + e.name(), e.oid(),
                    e.labels())));
            one.views().values().forEach(v -> views.put(prefix + v.name(), new View(prefix + v.name(), v.oid(),
                    v.kind())));
            extensions.addAll(one.extensions());
            one.functions().forEach((signature, definition) -> functions.put(prefix + signature, definition));
            one.triggers().forEach(trigger -> triggers.add(prefix + trigger));
        }
        return new CatalogSnapshot(Collections.unmodifiableMap(tables), Collections.unmodifiableMap(indexes),
                Collections.unmodifiableMap(enums), Collections.unmodifiableMap(views),
                Collections.unmodifiableSortedSet(extensions), Collections.unmodifiableMap(functions),
                Collections.unmodifiableSortedSet(triggers));
    }

    /** Reads the catalog of {@code schema}, leaving out the {@linkplain #HISTORY_TABLES history tables}. */
    public static CatalogSnapshot read(Connection connection, String schema) throws SQLException {
        Map<String, Map<String, Column>> columns = new TreeMap<>();
        query(connection, """
                SELECT c.relname, a.attname, a.attnum, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                       pg_get_expr(d.adbin, d.adrelid), a.attidentity
                  FROM pg_attribute a
                  JOIN pg_class c ON c.oid = a.attrelid
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                 WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
                 ORDER BY c.relname, a.attnum""", List.of(schema), rs -> columns
                .computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                .put(rs.getString(2), new Column(rs.getString(2), rs.getInt(3), rs.getString(4), rs.getBoolean(5),
                        rs.getString(6), rs.getString(7))));
        Map<String, Map<String, Constraint>> constraints = new TreeMap<>();
        query(connection, """
                SELECT c.relname, k.conname, k.contype, pg_get_constraintdef(k.oid), k.convalidated, k.oid,
                       ARRAY(SELECT a.attname FROM unnest(k.conkey) AS u(n)
                               JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n)::text[]
                  FROM pg_constraint k
                  JOIN pg_class c ON c.oid = k.conrelid
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = ?
                 ORDER BY c.relname, k.conname""", List.of(schema), rs -> constraints
                .computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                .put(rs.getString(2), new Constraint(rs.getString(2), rs.getLong(6), rs.getString(3).charAt(0),
                        rs.getString(4), rs.getBoolean(5), List.of((String[]) rs.getArray(7).getArray()))));
        Map<String, Table> tables = new TreeMap<>();
        query(connection, """
                SELECT c.relname, c.oid, c.relfilenode
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND c.relname <> ALL (?)""",
                List.of(schema, HISTORY_TABLES), rs -> tables.put(rs.getString(1), new Table(rs.getString(1),
                        rs.getLong(2), rs.getLong(3),
                        Collections.unmodifiableMap(columns.getOrDefault(rs.getString(1), Map.of())),
                        Collections.unmodifiableMap(constraints.getOrDefault(rs.getString(1), Map.of())))));
        Map<String, Index> indexes = new TreeMap<>();
        query(connection, """
                SELECT i.relname, t.relname, pg_get_indexdef(x.indexrelid), x.indisvalid, i.oid, i.relfilenode
                  FROM pg_index x
                  JOIN pg_class i ON i.oid = x.indexrelid
                  JOIN pg_class t ON t.oid = x.indrelid
                  JOIN pg_namespace n ON n.oid = t.relnamespace
                 WHERE n.nspname = ? AND t.relname <> ALL (?)""", List.of(schema, HISTORY_TABLES),
                rs -> indexes.put(rs.getString(1), new Index(rs.getString(1), rs.getLong(5), rs.getLong(6), rs.getString(2),
                        rs.getString(3), rs.getBoolean(4))));
        Map<String, EnumType> enums = new TreeMap<>();
        query(connection, """
                SELECT t.typname, t.oid, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[]
                  FROM pg_type t
                  JOIN pg_namespace n ON n.oid = t.typnamespace
                  JOIN pg_enum e ON e.enumtypid = t.oid
                 WHERE n.nspname = ?
                 GROUP BY t.typname, t.oid""", List.of(schema),
                rs -> enums.put(rs.getString(1), new EnumType(rs.getString(1), rs.getLong(2),
                        List.of((String[]) rs.getArray(3).getArray()))));
        Map<String, View> views = new TreeMap<>();
        query(connection, """
                SELECT c.relname, c.oid, c.relkind
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = ? AND c.relkind IN ('v', 'm')""", List.of(schema),
                rs -> views.put(rs.getString(1), new View(rs.getString(1), rs.getLong(2), rs.getString(3).charAt(0))));
        java.util.SortedSet<String> extensions = new TreeSet<>();
        query(connection, """
                SELECT x.extname
                  FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace
                 WHERE n.nspname = ?""", List.of(schema), rs -> extensions.add(rs.getString(1)));
        Map<String, String> functions = new TreeMap<>();
        query(connection, """
                SELECT p.proname || '(' || pg_get_function_arguments(p.oid) || ')', pg_get_functiondef(p.oid)
                  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE n.nspname = ? AND p.prokind IN ('f', 'p')
                   AND NOT EXISTS (SELECT 1 FROM pg_depend d
                                    WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')""",
                List.of(schema), rs -> functions.put(rs.getString(1), rs.getString(2)));
        java.util.SortedSet<String> triggers = new TreeSet<>();
        query(connection, """
                SELECT c.relname || '.' || t.tgname || ' ' || pg_get_triggerdef(t.oid)
                  FROM pg_trigger t
                  JOIN pg_class c ON c.oid = t.tgrelid
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = ? AND NOT t.tgisinternal""", List.of(schema), rs -> triggers.add(rs.getString(1)));
        return new CatalogSnapshot(Collections.unmodifiableMap(tables), Collections.unmodifiableMap(indexes),
                Collections.unmodifiableMap(enums), Collections.unmodifiableMap(views),
                Collections.unmodifiableSortedSet(extensions), Collections.unmodifiableMap(functions),
                Collections.unmodifiableSortedSet(triggers));
    }

    /**
     * One line per schema object, sorted, without oids, file nodes or column positions: equal for two databases
     * exactly when their schemas are.
     */
    public List<String> structure() {
        TreeSet<String> lines = new TreeSet<>();
        for (Table table : tables.values()) {
            lines.add("table " + table.name());
            for (Column c : table.columns().values()) {
                lines.add("column " + table.name() + "." + c.name() + " " + c.type() + (c.notNull() ? " NOT NULL" : "")
                        + (c.defaultExpression() == null ? "" : " DEFAULT " + c.defaultExpression())
                        + (c.identity().isEmpty() ? "" : " IDENTITY " + c.identity()));
            }
            for (Constraint k : table.constraints().values()) {
                lines.add("constraint " + table.name() + "." + k.name() + " " + k.definition()
                        + (k.validated() ? "" : " NOT VALID"));
            }
        }
        for (Index index : indexes.values()) {
            lines.add("index " + index.definition() + (index.valid() ? "" : " INVALID"));
        }
        for (EnumType e : enums.values()) {
            lines.add("enum " + e.name() + " " + String.join(",", e.labels()));
        }
        for (View view : views.values()) {
            lines.add((view.kind() == 'm' ? "materialized view " : "view ") + view.name());
        }
        extensions.forEach(extension -> lines.add("extension " + extension));
        functions.forEach((signature, definition) -> lines.add("function " + signature + " md5 " + md5(definition)));
        triggers.forEach(trigger -> lines.add("trigger " + trigger));
        return List.copyOf(lines);
    }

    /** Lines of {@link #structure()} in exactly one of the two snapshots, marked {@code -} (only here) or {@code +}. */
    public List<String> differencesTo(CatalogSnapshot other) {
        List<String> mine = structure();
        List<String> theirs = other.structure();
        List<String> differences = new ArrayList<>();
        mine.stream().filter(line -> !theirs.contains(line)).forEach(line -> differences.add("- " + line));
        theirs.stream().filter(line -> !mine.contains(line)).forEach(line -> differences.add("+ " + line));
        return differences;
    }

    /** A whole definition as a short line: two definitions are the same text exactly when their digests are. */
    private static String md5(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has MD5", e);
        }
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql} with {@code parameters} (strings, or lists of strings for {@code = ANY (?)}). */
    private static void query(Connection connection, String sql, List<Object> parameters, RowReader reader)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                if (parameters.get(i) instanceof List<?> values) {
                    statement.setArray(i + 1, connection.createArrayOf("text", values.toArray()));
                } else {
                    statement.setString(i + 1, (String) parameters.get(i));
                }
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "CatalogSnapshot" + Arrays.toString(structure().toArray());
    }
}

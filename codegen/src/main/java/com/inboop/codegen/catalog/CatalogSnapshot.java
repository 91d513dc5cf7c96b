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
     * One round trip: the migration guard reads the catalog after every migration it applies.
     */
    public static CatalogSnapshot readAll(Connection connection) throws SQLException {
        return read(connection, ALL_SCHEMAS, null);
    }

    /** Reads the catalog of {@code schema}, leaving out the {@linkplain #HISTORY_TABLES history tables}. */
    public static CatalogSnapshot read(Connection connection, String schema) throws SQLException {
        return read(connection, ONE_SCHEMA, schema);
    }

    /** The schemas {@link #readAll} reads: every one but Postgres' own. */
    private static final String ALL_SCHEMAS = "n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'";
    /** The schema {@link #read(Connection, String)} reads, bound once per statement. */
    private static final String ONE_SCHEMA = "n.nspname = ?";
    /** History tables, written into the statements: they are constants, not input. */
    private static final String NOT_HISTORY = HISTORY_TABLES.stream().map(t -> "'" + t + "'")
            .collect(java.util.stream.Collectors.joining(", ", "NOT IN (", ")"));

    /**
     * The catalog's statements, sent together; {@code %1$s} is the schema condition on {@code n}. Each row starts with
     * its schema's name. Columns and constraints come before the tables that hold them.
     */
    private static final List<String> STATEMENTS = List.of("""
            SELECT n.nspname, c.relname, a.attname, a.attnum, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   pg_get_expr(d.adbin, d.adrelid), a.attidentity
              FROM pg_attribute a
              JOIN pg_class c ON c.oid = a.attrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
              LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
             WHERE %1$s AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
             ORDER BY n.nspname, c.relname, a.attnum""", """
            SELECT n.nspname, c.relname, k.conname, k.contype, pg_get_constraintdef(k.oid), k.convalidated, k.oid,
                   ARRAY(SELECT a.attname FROM unnest(k.conkey) AS u(n)
                           JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n)::text[]
              FROM pg_constraint k
              JOIN pg_class c ON c.oid = k.conrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE %1$s""", """
            SELECT n.nspname, c.relname, c.oid, c.relfilenode
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE %1$s AND c.relkind IN ('r', 'p') AND c.relname %2$s""", """
            SELECT n.nspname, i.relname, t.relname, pg_get_indexdef(x.indexrelid), x.indisvalid, i.oid, i.relfilenode
              FROM pg_index x
              JOIN pg_class i ON i.oid = x.indexrelid
              JOIN pg_class t ON t.oid = x.indrelid
              JOIN pg_namespace n ON n.oid = t.relnamespace
             WHERE %1$s AND t.relname %2$s""", """
            SELECT n.nspname, t.typname, t.oid, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[]
              FROM pg_type t
              JOIN pg_namespace n ON n.oid = t.typnamespace
              JOIN pg_enum e ON e.enumtypid = t.oid
             WHERE %1$s
             GROUP BY n.nspname, t.typname, t.oid""", """
            SELECT n.nspname, c.relname, c.oid, c.relkind
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE %1$s AND c.relkind IN ('v', 'm')""", """
            SELECT n.nspname, x.extname
              FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace
             WHERE %1$s""", """
            SELECT n.nspname, p.proname || '(' || pg_get_function_arguments(p.oid) || ')', pg_get_functiondef(p.oid)
              FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE %1$s AND p.prokind IN ('f', 'p')
               AND NOT EXISTS (SELECT 1 FROM pg_depend d
                                WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')""", """
            SELECT n.nspname, c.relname || '.' || t.tgname || ' ' || pg_get_triggerdef(t.oid)
              FROM pg_trigger t
              JOIN pg_class c ON c.oid = t.tgrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE %1$s AND NOT t.tgisinternal""");

    /**
     * Reads the schemas {@code condition} selects in one round trip (the statements sent together), naming another
     * schema's objects {@code schema.name} when {@code schema} is null (every schema is read).
     */
    private static CatalogSnapshot read(Connection connection, String condition, String schema) throws SQLException {
        String sql = STATEMENTS.stream().map(statement -> statement.formatted(condition, NOT_HISTORY))
                .collect(java.util.stream.Collectors.joining(";\n"));
        Map<String, Map<String, Column>> columns = new TreeMap<>();
        Map<String, Map<String, Constraint>> constraints = new TreeMap<>();
        Map<String, Table> tables = new TreeMap<>();
        Map<String, Index> indexes = new TreeMap<>();
        Map<String, EnumType> enums = new TreeMap<>();
        Map<String, View> views = new TreeMap<>();
        java.util.SortedSet<String> extensions = new TreeSet<>();
        Map<String, String> functions = new TreeMap<>();
        java.util.SortedSet<String> triggers = new TreeSet<>();
        List<RowReader> readers = List.of(
                rs -> columns.computeIfAbsent(name(rs, 2, schema), k -> new LinkedHashMap<>())
                        .put(rs.getString(3), new Column(rs.getString(3), rs.getInt(4), rs.getString(5),
                                rs.getBoolean(6), rs.getString(7), rs.getString(8))),
                rs -> constraints.computeIfAbsent(name(rs, 2, schema), k -> new TreeMap<>())
                        .put(rs.getString(3), new Constraint(rs.getString(3), rs.getLong(7), rs.getString(4).charAt(0),
                                rs.getString(5), rs.getBoolean(6), List.of((String[]) rs.getArray(8).getArray()))),
                rs -> {
                    String name = name(rs, 2, schema);
                    tables.put(name, new Table(name, rs.getLong(3), rs.getLong(4),
                            Collections.unmodifiableMap(columns.getOrDefault(name, Map.of())),
                            Collections.unmodifiableMap(constraints.getOrDefault(name, Map.of()))));
                },
                rs -> indexes.put(name(rs, 2, schema), new Index(name(rs, 2, schema), rs.getLong(6), rs.getLong(7),
                        name(rs, 3, schema), rs.getString(4), rs.getBoolean(5))),
                rs -> enums.put(name(rs, 2, schema), new EnumType(name(rs, 2, schema), rs.getLong(3),
                        List.of((String[]) rs.getArray(4).getArray()))),
                rs -> views.put(name(rs, 2, schema), new View(name(rs, 2, schema), rs.getLong(3),
                        rs.getString(4).charAt(0))),
                rs -> extensions.add(rs.getString(2)),
                rs -> functions.put(name(rs, 2, schema), rs.getString(3)),
                rs -> triggers.add(name(rs, 2, schema)));
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (schema != null) {
                for (int i = 1; i <= STATEMENTS.size(); i++) {
                    statement.setString(i, schema);
                }
            }
            boolean isResult = statement.execute();
            for (RowReader reader : readers) {
                if (!isResult) {
                    throw new SQLException("The catalog's statements returned fewer results than sent");
                }
                try (ResultSet rs = statement.getResultSet()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
                isResult = statement.getMoreResults();
            }
        }
        return new CatalogSnapshot(Collections.unmodifiableMap(tables), Collections.unmodifiableMap(indexes),
                Collections.unmodifiableMap(enums), Collections.unmodifiableMap(views),
                Collections.unmodifiableSortedSet(extensions), Collections.unmodifiableMap(functions),
                Collections.unmodifiableSortedSet(triggers));
    }

    /**
     * Column {@code index}'s name as the snapshot keeps it: as it is when one schema is read ({@code schema} set) or
     * the row's schema (column 1) is {@code public}, else {@code schema.name}.
     */
    private static String name(ResultSet rs, int index, String schema) throws SQLException {
        String nspname = rs.getString(1);
        return schema != null || nspname.equals("public") ? rs.getString(index) : nspname + "." + rs.getString(index);
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

    @Override
    public String toString() {
        return "CatalogSnapshot" + Arrays.toString(structure().toArray());
    }
}

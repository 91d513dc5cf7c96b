package com.inboop.db.migration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.EnumType;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultDataType;

import com.inboop.db.internal.failure.DatabaseFailures;
import com.inboop.db.schema.Public;

/**
 * Compares the live database with the catalog this jar was generated from, for a backend to call at startup:
 * every table, column, enum type and enum value the generated classes use must exist, each column of the type family
 * it was generated from (any character type for a {@code String}: what Hibernate's {@code ddl-auto=update} does to
 * lengths is accepted); anything extra in the database is fine. Also reports the newest applied migration against
 * the newest one this jar ships. Reads only, in two catalog queries and one of the history table, without Flyway;
 * changes nothing.
 *
 * <pre>new SchemaCompatibility(dsl).requireCompatible();</pre>
 */
public final class SchemaCompatibility {

    private final DSLContext dsl;

    public SchemaCompatibility(DSLContext dsl) {
        this.dsl = DatabaseFailures.translating(dsl);
    }

    /** Compares and reports; never throws for an incompatible database. */
    public CompatibilityReport check() {
        Map<String, Map<String, LiveColumn>> liveTables = liveColumns();
        Map<String, List<String>> liveEnums = liveEnums();

        List<String> missing = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        Map<String, List<String>> expectedEnums = new LinkedHashMap<>();
        for (Table<?> expected : Public.PUBLIC.getTables()) {
            Map<String, LiveColumn> actual = liveTables.get(expected.getName());
            if (actual == null) {
                missing.add("table " + expected.getName());
            }
            for (Field<?> field : expected.fields()) {
                Class<?> type = field.getType();
                if (EnumType.class.isAssignableFrom(type)) {
                    EnumType[] constants = (EnumType[]) type.getEnumConstants();
                    expectedEnums.put(constants[0].getName(),
                            Arrays.stream(constants).map(EnumType::getLiteral).toList());
                }
                if (actual == null) {
                    continue;
                }
                LiveColumn column = actual.get(field.getName());
                String where = expected.getName() + "." + field.getName();
                if (column == null) {
                    missing.add("column " + where);
                } else if (!EnumType.class.isAssignableFrom(type) && !column.isEnum()
                        && !sameFamily(column.dataType(), field.getDataType())) {
                    mismatched.add("column " + where + " is " + column.dataType().getTypeName() + ", expected "
                            + field.getDataType().getTypeName());
                }
            }
        }
        expectedEnums.forEach((name, values) -> {
            List<String> actual = liveEnums.get(name);
            if (actual == null) {
                missing.add("enum type " + name);
            } else {
                values.stream().filter(v -> !actual.contains(v))
                        .forEach(v -> missing.add("enum value " + name + "." + v));
            }
        });
        Optional<String> applied = dsl.connectionResult(InboopMigrations::appliedVersion);
        return new CompatibilityReport(missing, mismatched, invalidIndexes(), applied, InboopMigrations.jarVersion());
    }

    /**
     * Like {@link #check()}, but throws if the database lacks anything.
     *
     * @throws IncompatibleSchemaException listing every missing or different item
     */
    public CompatibilityReport requireCompatible() {
        CompatibilityReport report = check();
        if (!report.compatible()) {
            throw new IncompatibleSchemaException(report);
        }
        return report;
    }

    /**
     * Whether the generated classes read and write the live column as they were generated to: character types are
     * one family (a {@code String} either way, whatever the length: Hibernate's {@code ddl-auto=update} re-types
     * {@code text} and {@code varchar(n)} columns to the {@code varchar(255)} of a plain {@code String} field), every
     * other type must be the one generated.
     */
    private static boolean sameFamily(DataType<?> live, DataType<?> generated) {
        return live.isString() && generated.isString()
                || live.getTypeName().equalsIgnoreCase(generated.getTypeName());
    }

    /**
     * Indexes Postgres keeps but never uses for reads: what an interrupted {@code CREATE INDEX CONCURRENTLY} leaves.
     * A query the index was built for then reads the whole table, so such a database is not compatible.
     */
    private List<String> invalidIndexes() {
        Table<?> index = DSL.table(DSL.name("pg_catalog", "pg_index")).as("x");
        Table<?> relation = DSL.table(DSL.name("pg_catalog", "pg_class")).as("i");
        Table<?> namespace = DSL.table(DSL.name("pg_catalog", "pg_namespace")).as("n");
        Field<String> name = DSL.field(DSL.name("i", "relname"), String.class);
        return dsl.select(name)
                .from(index)
                .join(relation).on(DSL.field(DSL.name("i", "oid")).eq(DSL.field(DSL.name("x", "indexrelid"))))
                .join(namespace).on(DSL.field(DSL.name("n", "oid")).eq(DSL.field(DSL.name("i", "relnamespace"))))
                .where(DSL.field(DSL.name("n", "nspname"), String.class).eq(Public.PUBLIC.getName())
                        .and(DSL.not(DSL.field(DSL.name("x", "indisvalid"), Boolean.class))))
                .orderBy(name)
                .fetch(name);
    }

    /** A column as the catalog has it: the jOOQ type of its Postgres type, and whether that type is an enum. */
    private record LiveColumn(DataType<?> dataType, boolean isEnum) {
    }

    /**
     * Every column of the schema's tables and views, by table and column name: one catalog query (jOOQ's JDBC-based
     * {@code Meta} asks table by table, which an application's start would pay for).
     */
    private Map<String, Map<String, LiveColumn>> liveColumns() {
        Map<String, Map<String, LiveColumn>> tables = new HashMap<>();
        dsl.resultQuery("""
                        SELECT c.relname, a.attname, t.typname, t.typtype = 'e'
                          FROM pg_catalog.pg_class c
                          JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                          JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                          JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
                         WHERE n.nspname = {0} AND c.relkind IN ('r', 'p', 'v', 'm', 'f')""",
                        DSL.inline(Public.PUBLIC.getName()))
                .fetch()
                .forEach(r -> tables.computeIfAbsent(r.get(0, String.class), k -> new HashMap<>())
                        .put(r.get(1, String.class), new LiveColumn(jooqType(r.get(2, String.class)),
                                Boolean.TRUE.equals(r.get(3, Boolean.class)))));
        return tables;
    }

    /** The jOOQ type of a Postgres type name, as jOOQ's own {@code Meta} resolves it. */
    private static DataType<?> jooqType(String typeName) {
        DataType<?> type = DefaultDataType.getDataType(SQLDialect.POSTGRES, typeName);
        // The dialect's type (int8) answers to the standard one (bigint), the name the generated classes use.
        return type.getSQLDataType() == null ? type : type.getSQLDataType();
    }

    /** Enum types of the schema and their values in order, from pg_type and pg_enum. */
    private Map<String, List<String>> liveEnums() {
        Table<?> type = DSL.table(DSL.name("pg_catalog", "pg_type")).as("t");
        Table<?> namespace = DSL.table(DSL.name("pg_catalog", "pg_namespace")).as("n");
        Table<?> label = DSL.table(DSL.name("pg_catalog", "pg_enum")).as("e");
        Field<String> typeName = DSL.field(DSL.name("t", "typname"), String.class);
        Field<String> labelName = DSL.field(DSL.name("e", "enumlabel"), String.class);
        Map<String, List<String>> enums = new HashMap<>();
        dsl.select(typeName, labelName)
                .from(type)
                .join(namespace).on(DSL.field(DSL.name("n", "oid")).eq(DSL.field(DSL.name("t", "typnamespace"))))
                .join(label).on(DSL.field(DSL.name("e", "enumtypid")).eq(DSL.field(DSL.name("t", "oid"))))
                .where(DSL.field(DSL.name("n", "nspname"), String.class).eq(Public.PUBLIC.getName()))
                .orderBy(typeName, DSL.field(DSL.name("e", "enumsortorder")))
                .fetch()
                .forEach(r -> enums.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        return enums;
    }

}

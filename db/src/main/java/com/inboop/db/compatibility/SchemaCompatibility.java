package com.inboop.db.compatibility;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Comparator;

import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.jooq.DSLContext;
import org.jooq.EnumType;
import org.jooq.Field;
import org.jooq.Meta;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.SingleConnectionDataSource;

import com.inboop.db.Arguments;
import com.inboop.db.migration.InboopMigrations;
import com.inboop.db.schema.Public;

/**
 * Compares the live database with the catalog this jar was generated from, for a backend to call at startup:
 * every table, column, enum type and enum value the generated classes use must exist, with the same column types;
 * anything extra in the database is fine. Also reports the newest applied Flyway migration against the newest one
 * this jar ships. Reads only; changes nothing.
 *
 * <pre>new SchemaCompatibility(dsl).requireCompatible();</pre>
 */
public final class SchemaCompatibility {

    private final DSLContext dsl;

    public SchemaCompatibility(DSLContext dsl) {
        this.dsl = Arguments.requirePostgres(dsl);
    }

    /** Compares and reports; never throws for an incompatible database. */
    public CompatibilityReport check() {
        Meta live = dsl.meta().filterSchemas(schema -> schema.getName().equals(Public.PUBLIC.getName()));
        Map<String, Table<?>> liveTables = new HashMap<>();
        live.getTables().forEach(table -> liveTables.put(table.getName(), table));
        Map<String, List<String>> liveEnums = liveEnums();

        List<String> missing = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        Map<String, List<String>> expectedEnums = new LinkedHashMap<>();
        for (Table<?> expected : Public.PUBLIC.getTables()) {
            Table<?> actual = liveTables.get(expected.getName());
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
                Field<?> column = actual.field(field.getName());
                String where = expected.getName() + "." + field.getName();
                if (column == null) {
                    missing.add("column " + where);
                } else if (!EnumType.class.isAssignableFrom(type)
                        && !column.getDataType().getTypeName().equalsIgnoreCase(field.getDataType().getTypeName())) {
                    mismatched.add("column " + where + " is " + column.getDataType().getTypeName() + ", expected "
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
        MigrationInfoService flyway = dsl.connectionResult(connection ->
                InboopMigrations.info(new SingleConnectionDataSource(connection)));
        return new CompatibilityReport(missing, mismatched, invalidIndexes(),
                Optional.ofNullable(flyway.current()).map(info -> info.getVersion().getVersion()),
                jarVersion(flyway));
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

    /** The newest versioned migration Flyway resolved from this jar (not one only the database knows). */
    private static String jarVersion(MigrationInfoService flyway) {
        return Arrays.stream(flyway.all())
                .filter(info -> info.getVersion() != null && info.getState().isResolved())
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder())
                .map(MigrationVersion::getVersion)
                .orElseThrow(() -> new IllegalStateException("inboop-db ships no migrations at "
                        + InboopMigrations.LOCATION + "; the jar is damaged"));
    }
}

package com.inboop.db.migration;

import java.util.List;
import java.util.Optional;

/**
 * What the live database lacks compared with this jar's generated classes, and the Flyway versions on both sides.
 * Extra tables, columns, enum types and values in the database are compatible: migrations the jar does not know
 * yet only add.
 *
 * @param missing         tables, columns, enum types and enum values the jar expects but the database lacks
 * @param mismatched      columns whose type differs from what the jar was generated against
 * @param invalidIndexes  indexes left INVALID by an interrupted concurrent build: Postgres ignores them for reads
 * @param databaseVersion the newest migration applied to the database, if it has Flyway history
 * @param jarVersion      the newest migration this jar ships
 */
public record CompatibilityReport(List<String> missing, List<String> mismatched, List<String> invalidIndexes,
                                  Optional<String> databaseVersion, String jarVersion) {

    public CompatibilityReport {
        missing = List.copyOf(missing);
        mismatched = List.copyOf(mismatched);
        invalidIndexes = List.copyOf(invalidIndexes);
    }

    /** True if the database has everything the jar expects. */
    public boolean compatible() {
        return missing.isEmpty() && mismatched.isEmpty() && invalidIndexes.isEmpty();
    }

    /** A readable account: the versions, then one line per problem. */
    public String describe() {
        StringBuilder text = new StringBuilder("database schema at ")
                .append(databaseVersion.map(v -> "V" + v).orElse("no Flyway history"))
                .append(", inboop-db jar expects V").append(jarVersion);
        if (compatible()) {
            return text.append(": compatible").toString();
        }
        text.append(": incompatible");
        missing.forEach(m -> text.append("\n  missing: ").append(m));
        mismatched.forEach(m -> text.append("\n  different: ").append(m));
        invalidIndexes.forEach(i -> text.append("\n  invalid index: ").append(i));
        text.append("\nApply the jar's migrations first (InboopMigrations.migrate), or deploy the jar that matches this "
                + "database.");
        if (!invalidIndexes.isEmpty()) {
            text.append(" An invalid index is left by an interrupted CREATE INDEX CONCURRENTLY: run migrate again (the "
                    + "migration that builds it drops the leftover and rebuilds it; after a recorded failure run "
                    + "flyway repair first), or DROP INDEX CONCURRENTLY an index of your own.");
        }
        return text.toString();
    }
}

package com.inboop.db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * inboop-db's history table as one SQL read, for the question an application asks at every start: is there anything
 * to do? {@link #upToDate} answers yes only for the plain case, where Flyway's migrate would apply nothing and its
 * validate would pass: every migration of this jar after the baseline applied once, successfully, with this jar's
 * checksum and description, and nothing else recorded. Anything else (a pending or failed migration, an edited
 * file, a version this jar does not know, a row of a kind it does not expect) is "not up to date", and the caller
 * asks Flyway, which says precisely what is wrong.
 */
final class AppliedMigrations {

    private static final String ROWS = "SELECT version, description, type, checksum, success FROM public."
            + InboopMigrations.HISTORY_TABLE + " ORDER BY installed_rank";

    private record Row(String version, String description, String type, Integer checksum, boolean success) {
    }

    private final List<Row> rows;

    private AppliedMigrations(List<Row> rows) {
        this.rows = rows;
    }

    /** The history of {@code connection}'s database; empty if it has no inboop-db history table. */
    static AppliedMigrations read(Connection connection) throws SQLException {
        try (Statement exists = connection.createStatement();
             ResultSet table = exists.executeQuery("SELECT to_regclass('public." + InboopMigrations.HISTORY_TABLE
                     + "') IS NOT NULL")) {
            table.next();
            if (!table.getBoolean(1)) {
                return new AppliedMigrations(List.of());
            }
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(ROWS);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                int checksum = rs.getInt(4);
                rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.wasNull() ? null : checksum, rs.getBoolean(5)));
            }
        }
        return new AppliedMigrations(rows);
    }

    /** The newest version applied successfully (a baseline counts), as the history writes it. */
    Optional<String> newestVersion() {
        return rows.stream().filter(row -> row.success() && row.version() != null)
                .max((a, b) -> VersionOrder.key(a.version()).compareTo(VersionOrder.key(b.version())))
                .map(Row::version);
    }

    /** True only if Flyway would find nothing to apply and nothing to complain about (see the class comment). */
    boolean upToDate(List<JarMigrations.Migration> jar) {
        if (rows.isEmpty()) {
            return false;
        }
        VersionOrder.Key baseline = null;
        Map<VersionOrder.Key, Row> applied = new HashMap<>();
        for (Row row : rows) {
            if (!row.success() || row.version() == null) {
                return false;
            }
            VersionOrder.Key version = VersionOrder.key(row.version());
            switch (row.type()) {
                case "BASELINE" -> {
                    if (baseline != null) {
                        return false;
                    }
                    baseline = version;
                }
                case "SQL" -> {
                    if (applied.put(version, row) != null) {
                        return false;
                    }
                }
                default -> {
                    return false;
                }
            }
        }
        int expected = 0;
        for (JarMigrations.Migration migration : jar) {
            VersionOrder.Key version = VersionOrder.key(migration.version());
            if (baseline != null && version.compareTo(baseline) <= 0) {
                continue;
            }
            Row row = applied.get(version);
            if (row == null || row.checksum() == null || row.checksum() != migration.checksum()
                    || !migration.description().equals(row.description())) {
                return false;
            }
            expected++;
        }
        return expected == applied.size();
    }
}

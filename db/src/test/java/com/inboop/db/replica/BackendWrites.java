package com.inboop.db.replica;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

/**
 * Writes the way the unchanged Inboop backend writes through Hibernate (the fact sheet's "How production got here"):
 * it knows only the columns its entities map, which are the columns a production database had before inboop-db
 * migrated it, minus the three no entity maps ({@code businesses.instagram_business_id},
 * {@code instagram_page_id}, {@code workspace_id}). An INSERT names every mapped column; an UPDATE sets every mapped
 * column of the row, changed or not (no dynamic update), to what the entity holds. Nothing of inboop-db's columns is
 * ever named.
 */
public final class BackendWrites {

    /** Columns production has that no backend entity maps. */
    private static final Map<String, Set<String>> UNMAPPED = Map.of("businesses",
            Set.of("\"instagram_business_id\"", "\"instagram_page_id\"", "\"workspace_id\""));

    private final DataSource dataSource;
    private final Map<String, List<String>> mapped = new LinkedHashMap<>();

    /**
     * @param columnsBeforeMigrate the database's columns before inboop-db migrated it
     *                             ({@link ProductionReplica#columns(DataSource)}), quoted
     */
    public BackendWrites(DataSource dataSource, Map<String, List<String>> columnsBeforeMigrate) {
        this.dataSource = dataSource;
        columnsBeforeMigrate.forEach((table, columns) -> {
            List<String> entity = new ArrayList<>(columns);
            entity.removeAll(UNMAPPED.getOrDefault(table, Set.of()));
            entity.remove("\"id\"");
            mapped.put(table, List.copyOf(entity));
        });
    }

    /** One entity saved: every mapped column but the id in the INSERT, NULL where {@code values} has none. */
    public long insert(String table, Map<String, Object> values) {
        try (Connection connection = dataSource.getConnection()) {
            return insert(connection, table, values);
        } catch (SQLException e) {
            throw new IllegalStateException("INSERT INTO " + table + ": " + e.getMessage(), e);
        }
    }

    /** One entity updated on {@code connection}: the row read, {@code changes} applied, every mapped column set. */
    public void update(Connection connection, String table, long id, Map<String, Object> changes)
            throws SQLException {
        updateBatch(connection, table, Map.of(id, changes));
    }

    /** One entity updated, on a connection of its own. */
    public void update(String table, long id, Map<String, Object> changes) {
        try (Connection connection = dataSource.getConnection()) {
            update(connection, table, id, changes);
        } catch (SQLException e) {
            throw new IllegalStateException("UPDATE " + table + ": " + e.getMessage(), e);
        }
    }

    /**
     * Several entities of one table flushed together, as Hibernate's JDBC batching sends them: one UPDATE statement
     * executed as a batch, in one transaction.
     */
    public void updateBatch(Connection connection, String table, Map<Long, Map<String, Object>> changes)
            throws SQLException {
        List<String> columns = mapped.get(table);
        List<String> assignments = columns.stream().map(column -> column + " = ?").toList();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement update = connection.prepareStatement("UPDATE \"" + table + "\" SET "
                + String.join(", ", assignments) + " WHERE id = ?")) {
            for (Map.Entry<Long, Map<String, Object>> entity : changes.entrySet()) {
                Map<String, Object> row = read(connection, table, entity.getKey());
                row.putAll(quoted(entity.getValue()));
                for (int i = 0; i < columns.size(); i++) {
                    update.setObject(i + 1, row.get(columns.get(i)));
                }
                update.setLong(columns.size() + 1, entity.getKey());
                update.addBatch();
            }
            for (int count : update.executeBatch()) {
                if (count != 1) {
                    throw new IllegalStateException("an UPDATE of " + table + " matched " + count + " rows");
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private long insert(Connection connection, String table, Map<String, Object> values) throws SQLException {
        List<String> columns = mapped.get(table);
        Map<String, Object> row = quoted(values);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO \"" + table + "\" ("
                + String.join(", ", columns) + ") VALUES (" + String.join(", ", columns.stream().map(c -> "?")
                .toList()) + ") RETURNING id")) {
            for (int i = 0; i < columns.size(); i++) {
                insert.setObject(i + 1, row.get(columns.get(i)));
            }
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The entity as Hibernate loaded it: its mapped columns. */
    private Map<String, Object> read(Connection connection, String table, long id) throws SQLException {
        List<String> columns = mapped.get(table);
        try (PreparedStatement select = connection.prepareStatement("SELECT " + String.join(", ", columns)
                + " FROM \"" + table + "\" WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException(table + " " + id + " does not exist");
                }
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    row.put(columns.get(i), rs.getObject(i + 1));
                }
                return row;
            }
        }
    }

    private static Map<String, Object> quoted(Map<String, Object> values) {
        Map<String, Object> quoted = new LinkedHashMap<>();
        values.forEach((column, value) -> quoted.put('"' + column + '"', value));
        return quoted;
    }
}

package com.inboop.db.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.codegen.postgres.ThrowawayDatabase;
import com.inboop.db.migration.InboopMigrations;
import com.inboop.db.replica.ProductionReplica;
import com.inboop.db.replica.ProductionReplica.State;

/**
 * Hibernate's {@code ddl-auto=update} re-types a column whose entity declares another type, at the backend's every
 * start. Nothing inboop-db adds may stop it: no trigger's WHEN clause, view, rule or generated column of inboop-db
 * may depend on a column the backend maps (the backend's V13 columns but three, and the ones Hibernate added), or
 * Postgres refuses the ALTER ("cannot alter type of a column used in a trigger definition"), and the backend logs the
 * failure at every start. Each such column is re-typed here as Hibernate would (character columns to varchar(255), others to
 * their own type, which Postgres checks the same way), each in a savepoint rolled back.
 */
@ExtendWith(MigratedDatabaseExtension.class)
class HibernateRetypeTest {

    @Test
    void everyColumnTheBackendMapsCanBeRetypedOnAnAdoptedDatabase(TestDatabase server) throws SQLException {
        try (ThrowawayDatabase database = server.newEmptyDatabase()) {
            DataSource dataSource = database.target().dataSource();
            ProductionReplica.build(dataSource, State.HIBERNATE_DRIFT);
            Map<String, List<String>> mapped = ProductionReplica.columns(dataSource);
            mapped.remove(ProductionReplica.BACKEND_HISTORY);
            // The three columns no entity of the backend maps (existing-schema.md): Hibernate never touches them, and
            // V038's INSERT trigger may name workspace_id in its WHEN clause.
            mapped.get("businesses").removeAll(List.of("\"workspace_id\"", "\"instagram_business_id\"",
                    "\"instagram_page_id\""));
            InboopMigrations.migrate(dataSource);

            List<String> refused = new ArrayList<>();
            int tried = 0;
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                for (Map.Entry<String, List<String>> table : mapped.entrySet()) {
                    for (String column : table.getValue()) {
                        String type = hibernatesType(statement, table.getKey(), column);
                        Savepoint before = connection.setSavepoint();
                        try {
                            statement.execute("ALTER TABLE " + table.getKey() + " ALTER COLUMN " + column
                                    + " SET DATA TYPE " + type);
                            tried++;
                        } catch (SQLException e) {
                            refused.add(table.getKey() + "." + column + " -> " + type + ": " + e.getMessage());
                        } finally {
                            connection.rollback(before);
                        }
                    }
                }
                connection.rollback();
            }

            assertThat(refused).isEmpty();
            assertThat(tried).as("columns the backend maps").isGreaterThan(200);
        }
    }

    /** varchar(255) for a character column (a plain String or enum field), the column's own type otherwise. */
    private static String hibernatesType(Statement statement, String table, String column) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT format_type(atttypid, atttypmod), "
                + "atttypid IN ('text'::regtype, 'varchar'::regtype, 'bpchar'::regtype) FROM pg_attribute "
                + "WHERE attrelid = 'public." + table + "'::regclass AND attname = '" + column.replace("\"", "")
                + "'")) {
            rs.next();
            return rs.getBoolean(2) ? "varchar(255)" : rs.getString(1);
        }
    }
}

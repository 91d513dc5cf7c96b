package com.inboop.codegen.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MigratedDatabaseExtension.class)
class MigratedDatabaseExtensionTest {

    private final TestDatabase database;

    MigratedDatabaseExtensionTest(TestDatabase database) {
        this.database = database;
    }

    private static String query(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void givesAFullyMigratedCopyOfTheTemplate() throws SQLException {
        assertThat(database.name()).startsWith("inboop_test_");
        assertThat(query(database, "SELECT max(version) FROM inboop_schema_history WHERE success")).isNotNull();
        assertThat(query(database, "SELECT to_regclass('public.orders')")).isEqualTo("orders");
    }

    @Test
    void testsOfOneClassShareItsDatabase(TestDatabase parameter) throws SQLException {
        assertThat(parameter).isEqualTo(database);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS scratch (id int)");
        }
    }

    @Nested
    class AnotherTestClass {

        @Test
        void getsItsOwnDatabaseWithoutTheOtherClassesChanges(TestDatabase other) throws SQLException {
            assertThat(other.name()).isNotEqualTo(database.name());
            assertThat(query(other, "SELECT to_regclass('public.scratch')")).isNull();
            assertThat(query(other, "SELECT to_regclass('public.orders')")).isEqualTo("orders");
        }
    }
}

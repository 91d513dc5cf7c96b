package com.inboop.codegen.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresTest {

    @Test
    void servesQueriesAndRemovesProcessAndDataDirectoryOnClose(@TempDir Path parent) throws SQLException {
        EmbeddedPostgres postgres = EmbeddedPostgres.start(PostgresProcesses.embeddedIn(parent));
        Path data = postgres.dataDirectory();

        assertThat(data).startsWith(parent).isDirectory();
        assertThat(PostgresProcesses.using(data)).isNotEmpty();
        try (Connection connection = postgres.maintenance().connect();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW server_version_num")) {
            rs.next();
            assertThat(rs.getInt(1)).isBetween(170000, 179999);
        }
        assertThat(postgres.description()).startsWith("embedded PostgreSQL 17.");

        postgres.close();

        assertThat(data).doesNotExist();
        assertThat(PostgresProcesses.using(data)).isEmpty();
        assertThatThrownBy(() -> postgres.maintenance().connect().close()).isInstanceOf(SQLException.class);
        postgres.close(); // a second close is harmless
    }

    @Test
    void throwawayDatabaseIsDroppedOnClose(@TempDir Path parent) throws SQLException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(PostgresProcesses.embeddedIn(parent))) {
            ThrowawayDatabase database = ThrowawayDatabase.create(postgres, "inboop_probe");
            try (Connection open = database.target().connect()) {
                assertThat(databases(postgres)).contains(database.name());
                database.close(); // drops even though a connection is still open
            }
            assertThat(databases(postgres)).doesNotContain(database.name());
        }
    }

    static java.util.List<String> databases(EphemeralPostgres postgres) throws SQLException {
        try (Connection connection = postgres.maintenance().connect();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT datname FROM pg_database ORDER BY datname")) {
            java.util.List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }
}

package com.inboop.db.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.codegen.migrate.MigrationObserver;

/** The production entry point, on empty and legacy databases made next to the extension's test database. */
@ExtendWith(MigratedDatabaseExtension.class)
class InboopMigrationsTest {

    private final TestDatabase server;
    private String scratch;
    private DataSource dataSource;

    InboopMigrationsTest(TestDatabase server) {
        this.server = server;
    }

    @BeforeEach
    void createEmptyDatabase() throws SQLException {
        scratch = server.name() + "_scratch";
        execute(server, "CREATE DATABASE " + scratch + " TEMPLATE template0");
        dataSource = server.target().withDatabase(scratch).dataSource();
    }

    @AfterEach
    void dropIt() throws SQLException {
        execute(server, "DROP DATABASE " + scratch + " WITH (FORCE)");
    }

    private static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private List<String> column(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static long versionedMigrationsInFolder() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty(MigratedDatabaseExtension.MIGRATIONS)))) {
            return files.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
    }

    @Test
    void migratesAnEmptyDatabaseThenIsANoOp() throws IOException {
        assertThat(InboopMigrations.migrate(dataSource).migrationsExecuted).isEqualTo(versionedMigrationsInFolder());

        assertThat(InboopMigrations.migrate(dataSource).migrationsExecuted).isZero();
        assertThat(InboopMigrations.validate(dataSource).validationSuccessful).isTrue();
        assertThat(InboopMigrations.info(dataSource).pending()).isEmpty();
    }

    @Test
    void keepsItsHistoryInItsOwnTableAndNeverCreatesTheBackends() throws Exception {
        InboopMigrations.migrate(dataSource);

        assertThat(column("SELECT count(*) FROM " + InboopMigrations.HISTORY_TABLE + " WHERE success"))
                .containsExactly(String.valueOf(versionedMigrationsInFolder()));
        assertThat(column("SELECT to_regclass('public.flyway_schema_history') IS NULL")).containsExactly("t");
    }

    @Test
    void refusesToClean() {
        InboopMigrations.migrate(dataSource);

        assertThatThrownBy(() -> InboopMigrations.flyway(dataSource).clean())
                .isInstanceOf(FlywayException.class)
                .hasMessageContaining("clean");
    }

    @Test
    void runsEveryMigrationWithALockTimeout() throws IOException {
        Map<String, String> seen = new TreeMap<>();
        Callback probe = new MigrationObserver(Event.AFTER_EACH_MIGRATE) {
            @Override
            public void handle(Event event, Context context) {
                try (Statement statement = context.getConnection().createStatement();
                     ResultSet rs = statement.executeQuery("SHOW lock_timeout")) {
                    rs.next();
                    seen.put(context.getMigrationInfo().getScript(), rs.getString(1));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        Flyway probed = Flyway.configure(getClass().getClassLoader())
                .configuration(InboopMigrations.flyway(dataSource).getConfiguration())
                .callbacks(probe)
                .load();

        probed.migrate();

        // CONCURRENTLY index builds included: their wait for older transactions is bounded too.
        Map<String, String> expected = new TreeMap<>();
        Path folder = Path.of(System.getProperty(MigratedDatabaseExtension.MIGRATIONS));
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql")).toList()) {
                expected.put(file.getFileName().toString(), "5s");
            }
        }
        assertThat(seen).isEqualTo(expected);
    }
}

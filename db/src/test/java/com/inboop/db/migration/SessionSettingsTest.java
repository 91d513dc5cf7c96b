package com.inboop.db.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.codegen.postgres.ThrowawayDatabase;

/**
 * The migrations' session settings (beforeEachMigrate.sql) stay with the migrations: every connection Flyway took from
 * an application's pool goes back to it with the server's settings.
 */
@ExtendWith(MigratedDatabaseExtension.class)
class SessionSettingsTest {

    private final TestDatabase server;

    SessionSettingsTest(TestDatabase server) {
        this.server = server;
    }

    @Test
    void everyConnectionFlywayUsedGoesBackToThePoolWithTheServersSettings() throws SQLException {
        try (ThrowawayDatabase database = server.newEmptyDatabase()) {
            List<Connection> pooled = new ArrayList<>();
            try {
                InboopMigrations.migrate(pool(database.target().dataSource(), pooled));

                assertThat(pooled).as("connections Flyway took").isNotEmpty();
                for (Connection connection : pooled) {
                    assertThat(settings(connection)).as("after migrate").containsExactly("0", "notice");
                }
            } finally {
                for (Connection connection : pooled) {
                    connection.close();
                }
            }
        }
    }

    @Test
    void everySettingTheCallbackChangesIsOneThatIsRestored() throws IOException {
        Matcher set = Pattern.compile("(?im)^\\s*SET\\s+(?:SESSION\\s+)?(\\w+)").matcher(beforeEachMigrate());
        List<String> changed = new ArrayList<>();
        while (set.find()) {
            changed.add(set.group(1).toLowerCase());
        }

        assertThat(changed).containsExactlyInAnyOrderElementsOf(SessionRestoringDataSource.SETTINGS);
    }

    private static List<String> settings(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT current_setting('lock_timeout'), current_setting('client_min_messages')")) {
            rs.next();
            return List.of(rs.getString(1), rs.getString(2));
        }
    }

    /** A pool in miniature: a connection closed by its user stays open, for the next user (here, the test). */
    private static DataSource pool(DataSource database, List<Connection> pooled) {
        ClassLoader loader = SessionSettingsTest.class.getClassLoader();
        return (DataSource) Proxy.newProxyInstance(loader, new Class<?>[] {DataSource.class}, (p, method, args) -> {
            Object result = invoke(database, method, args);
            if (!(result instanceof Connection physical)) {
                return result;
            }
            pooled.add(physical);
            return Proxy.newProxyInstance(loader, new Class<?>[] {Connection.class}, (c, call, callArgs) ->
                    call.getName().equals("close") ? null : invoke(physical, call, callArgs));
        });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static String beforeEachMigrate() throws IOException {
        String resource = InboopMigrations.LOCATION.substring("classpath:".length()) + "/beforeEachMigrate.sql";
        try (InputStream in = SessionSettingsTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package com.inboop.backend;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.inboop.codegen.toolchain.Toolchain;
import com.inboop.codegen.catalog.CatalogSnapshot;
import com.inboop.codegen.postgres.EphemeralPostgres;
import com.inboop.codegen.postgres.PostgresSettings;
import com.inboop.codegen.postgres.ThrowawayDatabase;

/**
 * Runs {@link BackendApplication} against databases of one PostgreSQL server per test JVM (the build's embedded one,
 * or {@code -Dinboop.postgres=...}), each test with databases of its own.
 */
public final class Backends {

    private static EphemeralPostgres server;

    private Backends() {
    }

    /** A new, empty database; closing it drops it. */
    public static synchronized ThrowawayDatabase newDatabase() {
        if (server == null) {
            // Stopped by its own shutdown hook, or its watchdog, when the test JVM ends.
            server = PostgresSettings.fromEnvironment(Toolchain.current().postgresImage()).start();
        }
        return ThrowawayDatabase.create(server, "inboop_boot");
    }

    /**
     * Starts the backend on {@code database} with {@code properties} over these defaults: Hibernate validates, Spring
     * Boot's Flyway is off, no web server, quiet logs.
     */
    public static ConfigurableApplicationContext start(ThrowawayDatabase database, Map<String, String> properties) {
        return start(BackendApplication.class, database, properties);
    }

    /** Starts {@code application} as {@link #start(ThrowawayDatabase, Map)} starts the backend. */
    public static ConfigurableApplicationContext start(Class<?> application, ThrowawayDatabase database,
                                                       Map<String, String> properties) {
        return start(application, database.target().url(), database.target().user(), database.target().password(),
                properties);
    }

    /** Starts {@code application} on the database at {@code url}, with the defaults above. */
    public static ConfigurableApplicationContext start(Class<?> application, String url, String user, String password,
                                                       Map<String, String> properties) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("spring.datasource.url", url);
        all.put("spring.datasource.username", user);
        all.put("spring.datasource.password", password);
        all.put("spring.datasource.hikari.maximum-pool-size", "4");
        all.put("spring.jpa.hibernate.ddl-auto", "validate");
        // A statement of ddl-auto=update that Postgres refuses (a column some object of inboop-db depends on) stops
        // the start instead of being logged and skipped, as Hibernate does by default: the tests see every one.
        all.put("spring.jpa.properties.hibernate.hbm2ddl.halt_on_error", "true");
        all.put("spring.jpa.open-in-view", "false");
        all.put("spring.flyway.enabled", "false");
        all.put("spring.main.banner-mode", "off");
        all.put("logging.level.root", "warn");
        all.put("logging.level.org.hibernate.orm.deprecation", "error");
        all.putAll(properties);
        return new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .properties(all)
                .run();
    }

    /**
     * Production's database as the backend left it: its own Flyway's V1..V13 (db/migration) and production's rows
     * (every legacy value, businesses.workspace_id NULL everywhere), no column or table of Hibernate's yet.
     */
    public static ThrowawayDatabase productionAtV13() throws SQLException, IOException {
        ThrowawayDatabase database = newDatabase();
        try {
            Flyway.configure().dataSource(database.target().dataSource()).locations("classpath:db/migration")
                    .baselineOnMigrate(true).baselineVersion("0").load().migrate();
            try (Connection connection = database.target().connect();
                 Statement statement = connection.createStatement()) {
                statement.execute(resource("legacy-rows.sql"));
            }
            return database;
        } catch (SQLException | IOException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The schema of {@code database} now, without its Flyway history tables. */
    public static CatalogSnapshot snapshot(ThrowawayDatabase database) throws SQLException {
        try (Connection connection = database.target().connect()) {
            return CatalogSnapshot.read(connection, "public");
        }
    }

    /** The names of the tables in {@code database}'s public schema, history tables included, sorted. */
    public static List<String> tableNames(ThrowawayDatabase database) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = database.target().connect();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Backends.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is not on the test classpath (spring-tests/boot-*/pom.xml copies it "
                        + "from db's test resources)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The backend's own Flyway as it is deployed, on its V1..V13 in db/migration. */
    public static Map<String, String> backendsOwnFlyway() {
        return Map.of("spring.flyway.enabled", "true",
                "spring.flyway.locations", "classpath:db/migration",
                "spring.flyway.baseline-on-migrate", "true",
                "spring.flyway.baseline-version", "0");
    }
}

package com.inboop.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import com.inboop.codegen.catalog.CatalogSnapshot;
import com.inboop.codegen.postgres.ThrowawayDatabase;
import com.inboop.db.migration.SchemaCompatibility;
import com.inboop.db.inbox.InboxFilter;
import com.inboop.db.inbox.InboxQuery;
import com.inboop.db.inbox.InboxRow;
import com.inboop.db.list.PageRequest;

/**
 * A new backend on an empty database, with the one property: inboop-db builds the schema before Hibernate validates
 * it, what the backend writes through JPA is in inboop-db's lists at once, and a restart applies nothing, while
 * Hibernate's update only re-types character columns, which inboop-db accepts.
 */
class EmptyDatabaseTest {

    /** The README's one property. */
    static final Map<String, String> MIGRATE = Readme.springBootProperties();

    @Test
    void startupBuildsTheSchemaHibernateValidatesItARestartAppliesNothingAndJpaRowsAreListed() throws Exception {
        try (ThrowawayDatabase database = Backends.newDatabase()) {
            int applied;
            try (ConfigurableApplicationContext backend = Backends.start(database, MIGRATE)) {
                DSLContext dsl = backend.getBean(DSLContext.class);
                applied = dsl.fetchCount(dsl.selectFrom("inboop_schema_history"));
                assertThat(applied).as("V001 and every migration after it").isGreaterThan(40);

                // The backend's own writes, knowing nothing of inboop-db.
                Shop shop = Shop.throughJpa(backend, "Asha");

                assertThat(backend.getBean(InboxQuery.class).page(shop.workspace(), InboxFilter.active(),
                        PageRequest.first()).rows()).extracting(InboxRow::conversationId)
                        .containsExactly(shop.conversation());
            }
            CatalogSnapshot built = Backends.snapshot(database);
            // Restarted as production runs it, with Hibernate's update after inboop-db's migrate.
            try (ConfigurableApplicationContext restarted = Backends.start(database,
                    Map.of("inboop.db.startup", "migrate", "spring.jpa.hibernate.ddl-auto", "update"))) {
                DSLContext dsl = restarted.getBean(DSLContext.class);
                assertThat(dsl.fetchCount(dsl.selectFrom("inboop_schema_history"))).as("nothing applied twice")
                        .isEqualTo(applied);
            }
            SchemaChanges changes = SchemaChanges.between(built, Backends.snapshot(database));
            System.out.println("What Hibernate's ddl-auto=update did to the schema inboop-db built: "
                    + changes.describe());
            assertThat(changes.other()).isEmpty();
            assertThat(changes.retyped()).isNotEmpty().allMatch(change -> change.endsWith(" -> character varying(255)"));
            assertThat(new SchemaCompatibility(DSL.using(database.target().dataSource(), SQLDialect.POSTGRES))
                    .requireCompatible().mismatched()).isEmpty();
        }
    }

    @Test
    void theMigrationsSessionSettingsStayOutOfTheApplicationsConnections() throws Exception {
        try (ThrowawayDatabase database = Backends.newDatabase();
             ConfigurableApplicationContext backend = Backends.start(database, MIGRATE)) {
            // Every connection of the pool at once (Backends sets 4), the ones Flyway migrated on among them.
            DataSource pool = backend.getBean(DataSource.class);
            List<Connection> all = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    all.add(pool.getConnection());
                }
                for (Connection connection : all) {
                    try (Statement statement = connection.createStatement();
                         ResultSet settings = statement.executeQuery(
                                 "SELECT current_setting('lock_timeout'), current_setting('client_min_messages')")) {
                        settings.next();
                        assertThat(settings.getString(1)).as("lock_timeout").isEqualTo("0");
                        assertThat(settings.getString(2)).as("client_min_messages").isEqualTo("notice");
                    }
                }
            } finally {
                for (Connection connection : all) {
                    connection.close();
                }
            }
        }
    }

    @Test
    void anApplicationRunnerAlreadySeesTheSchema() {
        try (ThrowawayDatabase database = Backends.newDatabase();
             ConfigurableApplicationContext backend = Backends.start(database, MIGRATE)) {
            assertThat(backend.getBean(SchemaSeenAtStartup.class).tables()).as("what a runner saw")
                    .contains("businesses", "leads", "inboop_schema_history");
        }
    }
}

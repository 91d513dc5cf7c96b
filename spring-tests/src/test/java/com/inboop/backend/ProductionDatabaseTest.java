package com.inboop.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import com.inboop.backend.entity.Lead;
import com.inboop.backend.entity.LeadStatus;
import com.inboop.backend.repository.LeadRepository;
import com.inboop.codegen.catalog.CatalogSnapshot;
import com.inboop.codegen.postgres.ThrowawayDatabase;
import com.inboop.db.migration.SchemaCompatibility;
import com.inboop.db.inbox.InboxFilter;
import com.inboop.db.inbox.InboxQuery;
import com.inboop.db.inbox.InboxRow;
import com.inboop.db.list.PageRequest;

/**
 * Production as it is: a database the backend's own Flyway built to V13, holding production's rows (legacy values,
 * businesses.workspace_id NULL everywhere), and a backend that runs its own Flyway and Hibernate's
 * {@code ddl-auto=update} at every start. With the starter and one property it is adopted at startup; what update then
 * does to the schema is only a change of character types, which every later start accepts.
 */
class ProductionDatabaseTest {

    private static final String RETYPED_BY_HIBERNATE = " -> character varying(255)";

    @Test
    void adoptedAtStartupThenHibernatesUpdateOnlyRetypesCharacterColumnsAndEveryLaterStartAcceptsIt() throws Exception {
        try (ThrowawayDatabase database = Backends.productionAtV13()) {
            // Deploy 1: inboop-db adopts and migrates; Hibernate validates the result and changes nothing.
            try (ConfigurableApplicationContext first = Backends.start(database, production("migrate", "validate"))) {
                assertThat(activeConversations(first, 1)).containsExactlyInAnyOrder(1L, 2L, 5L, 6L, 7L);
            }
            CatalogSnapshot adopted = Backends.snapshot(database);

            // Deploy 2, as production starts: inboop-db checks, then Hibernate's update.
            try (ConfigurableApplicationContext second = Backends.start(database, production("validate", "update"))) {
                assertThat(activeConversations(second, 1)).hasSize(5);
            }
            CatalogSnapshot updated = Backends.snapshot(database);
            SchemaChanges changes = SchemaChanges.between(adopted, updated);
            System.out.println("What Hibernate's ddl-auto=update did to the adopted schema: " + changes.describe());
            assertThat(changes.other()).as("no second unique key, nothing but types").isEmpty();
            assertThat(changes.retyped()).allMatch(change -> change.endsWith(RETYPED_BY_HIBERNATE))
                    .contains("leads.status: character varying(50)" + RETYPED_BY_HIBERNATE,
                            "orders.payment_status: character varying(50)" + RETYPED_BY_HIBERNATE,
                            "conversations.intent_label: character varying(50)" + RETYPED_BY_HIBERNATE,
                            "conversations.last_message: text" + RETYPED_BY_HIBERNATE);

            // Deploy 3: the check accepts what update did, and update has nothing left to do.
            try (ConfigurableApplicationContext third = Backends.start(database, production("validate", "update"))) {
                assertThat(third.getBean(SchemaCompatibility.class).requireCompatible().mismatched()).isEmpty();
            }
            assertThat(Backends.snapshot(database).differencesTo(updated)).isEmpty();
        }
    }

    @Test
    void aProductionWhereUpdateRanForMonthsBeforeInboopDbIsAdoptedAndItsJpaWritesAreListed() throws Exception {
        try (ThrowawayDatabase database = Backends.productionAtV13()) {
            // The backend as it ran before inboop-db: its Flyway, then update, which re-types and adds its columns.
            try (ConfigurableApplicationContext before = Backends.start(database, production("none", "update"))) {
                assertThat(before.getBean(LeadRepository.class).count()).isPositive();
            }
            CatalogSnapshot updatedForMonths = Backends.snapshot(database);

            try (ConfigurableApplicationContext adopting = Backends.start(database, production("migrate", "update"))) {
                assertThat(activeConversations(adopting, 1)).containsExactlyInAnyOrder(1L, 2L, 5L, 6L, 7L);
                // The backend's own write through JPA, as it makes them: every mapped column in the SET list.
                LeadRepository leads = adopting.getBean(LeadRepository.class);
                Lead lead = leads.findById(1L).orElseThrow();
                lead.status = LeadStatus.CONVERTED;
                leads.saveAndFlush(lead);
                DSLContext dsl = adopting.getBean(DSLContext.class);
                assertThat(dsl.fetchValue("SELECT status_enum::text FROM leads WHERE id = 1")).isEqualTo("CONVERTED");
            }
            CatalogSnapshot adopted = Backends.snapshot(database);
            assertThat(SchemaChanges.between(updatedForMonths, adopted).retyped())
                    .as("inboop-db's migrations leave the types update gave the backend's columns").isEmpty();

            try (ConfigurableApplicationContext restarted = Backends.start(database, production("validate", "update"))) {
                assertThat(restarted.getBean(SchemaCompatibility.class).check().compatible()).isTrue();
            }
            assertThat(Backends.snapshot(database).differencesTo(adopted)).as("update has nothing left to do")
                    .isEmpty();
        }
    }

    /** The backend's settings in production (its own Flyway on db/migration, and {@code ddl-auto}), and inboop-db's. */
    private static Map<String, String> production(String inboopDbStartup, String ddlAuto) {
        Map<String, String> properties = new HashMap<>(Backends.backendsOwnFlyway());
        properties.put("spring.jpa.hibernate.ddl-auto", ddlAuto);
        properties.put("inboop.db.startup", inboopDbStartup);
        return properties;
    }

    private static List<Long> activeConversations(ConfigurableApplicationContext backend, long workspace) {
        return backend.getBean(InboxQuery.class).page(workspace, InboxFilter.active(), PageRequest.first()).rows()
                .stream().map(InboxRow::conversationId).toList();
    }
}

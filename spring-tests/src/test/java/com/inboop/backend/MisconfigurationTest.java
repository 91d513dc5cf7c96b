package com.inboop.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import com.inboop.codegen.postgres.ThrowawayDatabase;
import com.inboop.db.inbox.InboxFilter;
import com.inboop.db.inbox.InboxQuery;
import com.inboop.db.list.PageRequest;
import com.inboop.db.spring.InboopDbFailureAnalyzer;

/**
 * What a developer meets who adds the dependency and little else, or sets what should not be set: every refusal
 * comes before Hibernate or a runner touches the database, names inboop-db and says what to do for the database at
 * hand, and leaves nothing behind that blocks the next, right start.
 */
@ExtendWith(OutputCaptureExtension.class)
class MisconfigurationTest {

    /** A new application of the developer's: Spring Boot's Flyway on, finding no migrations of the application's. */
    private static final Map<String, String> JUST_THE_DEPENDENCY = Map.of(
            "spring.flyway.enabled", "true",
            "spring.flyway.locations", "classpath:db/no-migrations-here");

    @Test
    void justTheDependencyOnAnEmptyDatabaseSaysSetOnePropertyAndThatPropertyThenWorks(CapturedOutput output)
            throws Exception {
        try (ThrowawayDatabase database = Backends.newDatabase()) {
            Throwable failure = catchThrowable(() -> Backends.start(database, JUST_THE_DEPENDENCY).close());

            FailureAnalysis analysis = new InboopDbFailureAnalyzer().analyze(failure);
            assertThat(analysis).as("Spring Boot's report of the failure is inboop-db's, not Hibernate's").isNotNull();
            assertThat(analysis.getDescription()).startsWith("inboop-db: this database has no inboop-db schema yet");
            assertThat(analysis.getAction()).contains("Set inboop.db.startup=migrate");
            assertThat(output.getOut() + output.getErr()).as("the analyzer is registered: Spring Boot's report")
                    .contains("APPLICATION FAILED TO START")
                    .contains("inboop-db: this database has no inboop-db schema yet")
                    .doesNotContain("Schema-validation");
            // Spring Boot's Flyway ran first and left its history table, empty: the next start must not mind it.
            assertThat(Backends.tableNames(database)).containsExactly("flyway_schema_history");

            Map<String, String> withTheProperty = new HashMap<>(JUST_THE_DEPENDENCY);
            withTheProperty.put("inboop.db.startup", "migrate");
            try (ConfigurableApplicationContext backend = Backends.start(database, withTheProperty)) {
                assertThat(backend.getBean(InboxQuery.class).page(1, InboxFilter.active(), PageRequest.first())
                        .rows()).isEmpty();
            }
            assertThat(Backends.snapshot(database).tables()).containsKeys("businesses", "leads", "orders");
        }
    }

    @Test
    void springBootsFlywayPointedAtInboopDbsMigrationsIsRefusedBeforeItWritesAnything() throws Exception {
        try (ThrowawayDatabase database = Backends.newDatabase()) {
            Throwable failure = catchThrowable(() -> Backends.start(database, Map.of(
                    "spring.flyway.enabled", "true",
                    "spring.flyway.locations", "classpath:inboop/db/migration",
                    "inboop.db.startup", "migrate")).close());

            FailureAnalysis analysis = new InboopDbFailureAnalyzer().analyze(failure);
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("spring.flyway.locations=classpath:inboop/db/migration")
                    .contains("inboop-db's migrations");
            assertThat(analysis.getAction()).startsWith("Remove spring.flyway.locations");
            assertThat(Backends.tableNames(database)).as("no history table of either Flyway").isEmpty();
        }
    }

    @Test
    void aDevelopmentDatabaseHibernateBuiltIsRefusedWithTheHintForADevelopmentDatabase() throws Exception {
        try (ThrowawayDatabase database = Backends.newDatabase()) {
            // A developer's database as ddl-auto=create leaves it, before inboop-db came.
            Backends.start(database, Map.of("inboop.db.startup", "none", "spring.jpa.hibernate.ddl-auto", "create"))
                    .close();

            Throwable failure = catchThrowable(() -> Backends.start(database, Map.of("inboop.db.startup", "migrate"))
                    .close());

            FailureAnalysis analysis = new InboopDbFailureAnalyzer().analyze(failure);
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("inboop-db refuses to adopt this database")
                    .contains("it is not empty, and it has no flyway_schema_history")
                    .contains("If this is a development database whose tables Hibernate (ddl-auto) or a script made, "
                            + "start from an empty one");
            assertThat(Backends.tableNames(database)).doesNotContain("inboop_schema_history");
        }
    }
}

package com.inboop.backend;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;

import com.inboop.db.assignment.Assignments;
import com.inboop.db.migration.SchemaCompatibility;
import com.inboop.db.inbox.InboxQuery;
import com.inboop.db.spring.InboopDbAutoConfiguration;
import com.inboop.db.spring.InboopDbProperties;
import com.inboop.db.spring.SchemaAtStartup;
import com.inboop.db.inbox.ConversationIntent;
import com.inboop.db.lead.LeadLifecycle;
import com.inboop.db.lead.LeadQuery;
import com.inboop.db.order.OrderLifecycle;
import com.inboop.db.order.OrderQuery;

/**
 * The auto-configuration's conditions, on contexts without a database (startup none: nothing connects): which beans
 * it contributes, when it backs off, and what a wrong property value says.
 */
class AutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(InboopDbAutoConfiguration.class))
            .withPropertyValues("inboop.db.startup=none");

    @Test
    void withADataSourceAndADslContextEveryQueryAndLifecycleClassIsABean() {
        runner.withUserConfiguration(DataSourceAndJooq.class).run(context -> {
            assertThat(context).hasSingleBean(SchemaAtStartup.class).hasSingleBean(InboxQuery.class)
                    .hasSingleBean(LeadQuery.class).hasSingleBean(OrderQuery.class)
                    .hasSingleBean(LeadLifecycle.class).hasSingleBean(OrderLifecycle.class)
                    .hasSingleBean(Assignments.class).hasSingleBean(ConversationIntent.class)
                    .hasSingleBean(SchemaCompatibility.class);
            assertThat(context.getBean(InboopDbProperties.class).startup()).isEqualTo(InboopDbProperties.Startup.NONE);
        });
    }

    @Test
    void withoutADslContextOnlyTheSchemaStepIsThere() {
        runner.withUserConfiguration(DataSourceOnly.class).run(context -> {
            assertThat(context).hasSingleBean(SchemaAtStartup.class).doesNotHaveBean(InboxQuery.class)
                    .doesNotHaveBean(OrderLifecycle.class);
        });
    }

    @Test
    void anApplicationsOwnBeanReplacesTheStartersOne() {
        runner.withUserConfiguration(DataSourceAndJooq.class, OwnInbox.class).run(context -> {
            assertThat(context).hasSingleBean(InboxQuery.class);
            assertThat(context.getBean(InboxQuery.class)).isSameAs(context.getBean(OwnInbox.class).inbox);
        });
    }

    @Test
    void withTwoDataSourcesAndNoPrimaryItBacksOff() {
        runner.withUserConfiguration(TwoDataSources.class).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(SchemaAtStartup.class);
        });
    }

    @Test
    void theDefaultIsValidate() {
        assertThat(Binder.get(new StandardEnvironment()).bindOrCreate("inboop.db", InboopDbProperties.class)
                .startup()).isEqualTo(InboopDbProperties.Startup.VALIDATE);
    }

    @Test
    void aWrongValueStopsTheStartNamingTheValue() {
        runner.withUserConfiguration(DataSourceOnly.class).withPropertyValues("inboop.db.startup=sometimes")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("sometimes"));
    }

    private static DataSource nowhere() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl("jdbc:postgresql://localhost:1/never-connected");
        return dataSource;
    }

    @Configuration(proxyBeanMethods = false)
    static class DataSourceOnly {
        @Bean
        DataSource dataSource() {
            return nowhere();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class DataSourceAndJooq {
        @Bean
        DataSource dataSource() {
            return nowhere();
        }

        @Bean
        DSLContext dslContext(DataSource dataSource) {
            return DSL.using(dataSource, SQLDialect.POSTGRES);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnInbox {
        final InboxQuery inbox = new InboxQuery(DSL.using(nowhere(), SQLDialect.POSTGRES));

        @Bean
        InboxQuery myInbox() {
            return inbox;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoDataSources {
        @Bean
        DataSource one() {
            return nowhere();
        }

        @Bean
        DataSource two() {
            return nowhere();
        }
    }
}

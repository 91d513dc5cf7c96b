package com.inboop.db.spring;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.inboop.db.assignment.Assignments;
import com.inboop.db.migration.SchemaCompatibility;
import com.inboop.db.inbox.InboxQuery;
import com.inboop.db.migration.InboopMigrations;
import com.inboop.db.inbox.ConversationIntent;
import com.inboop.db.lead.LeadLifecycle;
import com.inboop.db.lead.LeadQuery;
import com.inboop.db.order.OrderLifecycle;
import com.inboop.db.order.OrderQuery;

/**
 * inboop-db in a Spring Boot application with one {@code DataSource}: the schema migrated or checked at startup
 * ({@code inboop.db.startup}: migrate, validate (the default) or none), before JPA, jOOQ and the JDBC templates touch
 * the database and after Spring Boot's own Flyway has applied the backend's migrations; and, where the application
 * has a jOOQ {@code DSLContext}, the query and lifecycle classes as beans (each replaceable by one of the
 * application's own).
 *
 * <p>Spring Boot 3.5 and 4.0 name their auto-configurations in different packages: both names are given. It comes
 * after jOOQ's auto-configuration (its query beans need the {@code DSLContext}) and so after JPA's too, which Spring
 * Boot orders before jOOQ's and Flyway's; the schema still comes first at runtime, because {@link RunsBeforeDataAccess}
 * makes the data-access beans depend on it, whatever order their configurations were read in.
 */
@AutoConfiguration(
        afterName = {
                "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
                "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                "org.springframework.boot.autoconfigure.jooq.JooqAutoConfiguration",
                "org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration"})
@ConditionalOnClass(InboopMigrations.class)
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(InboopDbProperties.class)
public class InboopDbAutoConfiguration {

    /** The bean that migrates or checks the schema, which every data-access bean depends on. */
    public static final String SCHEMA_BEAN = "inboopDbSchema";

    @Bean(SCHEMA_BEAN)
    @ConditionalOnMissingBean(name = SCHEMA_BEAN)
    SchemaAtStartup inboopDbSchema(DataSource dataSource, InboopDbProperties properties) {
        return new SchemaAtStartup(dataSource, properties);
    }

    /** Static: a bean factory post-processor must not pull this configuration in early. */
    @Bean
    static RunsBeforeDataAccess inboopDbRunsBeforeDataAccess() {
        return new RunsBeforeDataAccess(SCHEMA_BEAN);
    }

    /** The query and lifecycle classes over the application's {@code DSLContext} (dialect POSTGRES). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(DSLContext.class)
    static class QueryLayer {

        @Bean
        @ConditionalOnMissingBean
        InboxQuery inboxQuery(DSLContext dsl) {
            return new InboxQuery(dsl);
        }

        @Bean
        @ConditionalOnMissingBean
        LeadQuery leadQuery(DSLContext dsl) {
            return new LeadQuery(dsl);
        }

        @Bean
        @ConditionalOnMissingBean
        OrderQuery orderQuery(DSLContext dsl) {
            return new OrderQuery(dsl);
        }

        @Bean
        @ConditionalOnMissingBean
        LeadLifecycle leadLifecycle(DSLContext dsl) {
            return new LeadLifecycle(dsl);
        }

        @Bean
        @ConditionalOnMissingBean
        OrderLifecycle orderLifecycle(DSLContext dsl) {
            return new OrderLifecycle(dsl);
        }

        @Bean
        @ConditionalOnMissingBean
        Assignments assignments(DSLContext dsl) {
            return new Assignments(dsl);
        }

        @Bean
        @ConditionalOnMissingBean
        ConversationIntent conversationIntent(DSLContext dsl) {
            return new ConversationIntent(dsl);
        }

        @Bean
        @ConditionalOnMissingBean
        SchemaCompatibility schemaCompatibility(DSLContext dsl) {
            return new SchemaCompatibility(dsl);
        }
    }
}

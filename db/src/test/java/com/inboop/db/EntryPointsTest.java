package com.inboop.db;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import java.util.stream.Stream;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.inboop.db.assignment.Assignments;
import com.inboop.db.inbox.ConversationIntent;
import com.inboop.db.inbox.InboxQuery;
import com.inboop.db.internal.backfill.BackfillRunner;
import com.inboop.db.lead.LeadLifecycle;
import com.inboop.db.lead.LeadQuery;
import com.inboop.db.migration.SchemaCompatibility;
import com.inboop.db.order.OrderLifecycle;
import com.inboop.db.order.OrderQuery;

/** Every entry point refuses, when it is made, a DSLContext that is missing or does not speak Postgres. */
class EntryPointsTest {

    static Stream<Function<DSLContext, Object>> entryPoints() {
        return Stream.of(InboxQuery::new, LeadQuery::new, OrderQuery::new, LeadLifecycle::new, OrderLifecycle::new,
                Assignments::new, ConversationIntent::new, SchemaCompatibility::new,
                dsl -> new BackfillRunner(dsl, line -> { }));
    }

    @ParameterizedTest
    @MethodSource("entryPoints")
    void refusesADslContextOfAnotherDialectWithTheFix(Function<DSLContext, Object> entryPoint) {
        assertThatThrownBy(() -> entryPoint.apply(DSL.using(SQLDialect.DEFAULT)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("dsl: its dialect is DEFAULT; inboop-db writes PostgreSQL's SQL: create it with "
                        + "DSL.using(dataSource, SQLDialect.POSTGRES) (Spring Boot: spring.jooq.sql-dialect=POSTGRES)");
    }

    @ParameterizedTest
    @MethodSource("entryPoints")
    void refusesNoDslContext(Function<DSLContext, Object> entryPoint) {
        assertThatThrownBy(() -> entryPoint.apply(null)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("dsl: must not be null");
    }
}

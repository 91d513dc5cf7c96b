package com.inboop.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.inboop.db.assignment.Assignable;
import com.inboop.db.assignment.Assignments;
import com.inboop.db.inbox.ConversationIntent;
import com.inboop.db.inbox.InboxFilter;
import com.inboop.db.inbox.InboxQuery;
import com.inboop.db.internal.backfill.BackfillRunner;
import com.inboop.db.lead.LeadFilter;
import com.inboop.db.lead.LeadLifecycle;
import com.inboop.db.lead.LeadQuery;
import com.inboop.db.lead.NewLead;
import com.inboop.db.list.ArchiveView;
import com.inboop.db.list.PageRequest;
import com.inboop.db.migration.SchemaCompatibility;
import com.inboop.db.order.NewOrder;
import com.inboop.db.order.OrderFilter;
import com.inboop.db.order.OrderLifecycle;
import com.inboop.db.order.OrderQuery;
import com.inboop.db.schema.enums.IntentLabel;
import com.inboop.db.schema.enums.LeadStatus;
import com.inboop.db.schema.enums.OrderStatus;
import com.inboop.db.schema.enums.PaymentStatus;

/**
 * Every entry point refuses, when it is made, a DSLContext that is missing or does not speak Postgres; and every
 * public method that reaches the database reports a database it cannot reach as a {@link DatabaseFailureException},
 * never as jOOQ's or the driver's exception.
 */
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

    /** Each public method of the API that reaches the database, called with valid arguments. */
    static Stream<Named<Consumer<DSLContext>>> databaseCalls() {
        NewOrder order = new NewOrder(1, "N-1", null, null, null, 1);
        return Stream.of(
                call("InboxQuery.page", dsl -> new InboxQuery(dsl).page(1, InboxFilter.active(), PageRequest.first())),
                call("InboxQuery.tabCounts", dsl -> new InboxQuery(dsl).tabCounts(1, 1)),
                call("InboxQuery.archive", dsl -> new InboxQuery(dsl).archive(1, 1)),
                call("InboxQuery.unarchive", dsl -> new InboxQuery(dsl).unarchive(1, 1)),
                call("InboxQuery.softDelete", dsl -> new InboxQuery(dsl).softDelete(1, 1)),
                call("LeadQuery.page", dsl -> new LeadQuery(dsl).page(1, LeadFilter.active(), PageRequest.first())),
                call("LeadQuery.countByStatus", dsl -> new LeadQuery(dsl).countByStatus(1, ArchiveView.ACTIVE)),
                call("OrderQuery.page", dsl -> new OrderQuery(dsl).page(1, OrderFilter.active(), PageRequest.first())),
                call("OrderQuery.countByStatus", dsl -> new OrderQuery(dsl).countByStatus(1, ArchiveView.ACTIVE)),
                call("OrderQuery.countByPaymentStatus",
                        dsl -> new OrderQuery(dsl).countByPaymentStatus(1, ArchiveView.ACTIVE)),
                call("LeadLifecycle.create", dsl -> new LeadLifecycle(dsl).create(1, new NewLead(1, "AI", null, null,
                        null))),
                call("LeadLifecycle.changeStatus", dsl -> new LeadLifecycle(dsl).changeStatus(1, 1, LeadStatus.NEW,
                        LeadStatus.LOST)),
                call("OrderLifecycle.create", dsl -> new OrderLifecycle(dsl).create(1, order)),
                call("OrderLifecycle.changeStatus", dsl -> new OrderLifecycle(dsl).changeStatus(1, 1, OrderStatus.NEW,
                        OrderStatus.CONFIRMED, 1)),
                call("OrderLifecycle.changePayment", dsl -> new OrderLifecycle(dsl).changePayment(1, 1,
                        PaymentStatus.UNPAID, PaymentStatus.PAID, 1)),
                call("Assignments.assign", dsl -> new Assignments(dsl).assign(1, Assignable.LEAD, 1, 1)),
                call("Assignments.claim", dsl -> new Assignments(dsl).claim(1, Assignable.ORDER, 1, 1)),
                call("Assignments.unassign", dsl -> new Assignments(dsl).unassign(1, Assignable.CONVERSATION, 1)),
                call("Assignments.workload", dsl -> new Assignments(dsl).workload(1)),
                call("ConversationIntent.record", dsl -> new ConversationIntent(dsl).record(1, 1, IntentLabel.BUYING,
                        BigDecimal.ONE, LocalDateTime.of(2026, 11, 1, 0, 0))),
                call("SchemaCompatibility.check", dsl -> new SchemaCompatibility(dsl).check()));
    }

    private static Named<Consumer<DSLContext>> call(String name, Consumer<DSLContext> call) {
        return Named.of(name, call);
    }

    @ParameterizedTest
    @MethodSource("databaseCalls")
    void aDatabaseThatCannotBeReachedIsADatabaseFailureThatIsSafeToRetry(Consumer<DSLContext> call) {
        DSLContext unreachable = DSL.using(new RefusingDataSource(), SQLDialect.POSTGRES);

        assertThatThrownBy(() -> call.accept(unreachable)).isInstanceOfSatisfying(DatabaseFailureException.class, e -> {
            assertThat(e.sqlState()).isEqualTo("08001");
            assertThat(e.retrySafe()).isTrue();
            assertThat(e).hasMessageContaining("Connection to localhost:1 refused");
        });
    }
}

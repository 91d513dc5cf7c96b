package com.inboop.db.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.db.DatabaseFailureException;
import com.inboop.db.Seed;
import com.inboop.db.inbox.InboxFilter;
import com.inboop.db.inbox.InboxQuery;
import com.inboop.db.inbox.InboxRow;
import com.inboop.db.lead.LeadFilter;
import com.inboop.db.lead.LeadQuery;
import com.inboop.db.order.OrderFilter;
import com.inboop.db.order.OrderQuery;
import com.inboop.db.schema.enums.IntentLabel;
import com.inboop.db.schema.enums.LeadStatus;
import com.inboop.db.schema.enums.OrderStatus;
import com.inboop.db.schema.enums.PaymentStatus;
import com.inboop.db.schema.tables.records.ConversationsRecord;

/**
 * A page without a search runs a statement rendered once for its shape (the workspace's businesses, the filter, the
 * page size, whether a cursor is given), with only the cursor bound, and its rows are read from the driver's result
 * set. Whatever a list has rendered before, its pages are the pages a list that never rendered one reads; the
 * statements still run through the caller's jOOQ context (its listeners see them, its connections are given back,
 * its failures are inboop-db's).
 */
@ExtendWith(MigratedDatabaseExtension.class)
class RenderedPagesTest {

    private final TestDatabase database;
    private final DSLContext dsl;
    private final Seed seed;
    private long workspace;
    private long agent;
    private long otherAgent;

    RenderedPagesTest(TestDatabase database) {
        this.database = database;
        this.dsl = Seed.dsl(database);
        this.seed = new Seed(dsl);
    }

    @BeforeEach
    void aWorkspaceWithTwoAgentsAndANeighbour() {
        workspace = seed.workspace("rendered");
        agent = seed.user(workspace, "agent@example.com");
        otherAgent = seed.user(workspace, "other@example.com");
        for (int n = 0; n < 24; n++) {
            int i = n;
            long assignee = i % 3 == 0 ? agent : otherAgent;
            ConversationsRecord conversation = seed.update(
                    seed.conversation(workspace, i % 2 == 0 ? "INSTAGRAM" : "WHATSAPP", i * 7),
                    c -> c.setUnreadCount(i % 4).setAssignedToUserId(i % 5 == 0 ? null : assignee));
            seed.intent(conversation, i % 3 == 0 ? IntentLabel.BUYING : null);
            seed.lead(workspace, i % 2 == 0 ? LeadStatus.NEW : LeadStatus.CONVERTED, "AI", i * 5);
            seed.order(workspace, i % 2 == 0 ? OrderStatus.SHIPPED : OrderStatus.NEW, PaymentStatus.PAID, i * 3);
        }
        seed.conversation(seed.workspace("neighbour"), "INSTAGRAM", 1);
    }

    @Test
    void everyPageAfterTheFirstRunsOneStatementTextWithOnlyTheCursorBound() {
        List<ExecuteContext> seen = new ArrayList<>();
        InboxQuery inbox = new InboxQuery(listening(dsl, seen));
        List<InboxRow> walked = new ArrayList<>();
        PageRequest request = PageRequest.first(5);
        while (true) {
            Page<InboxRow> page = inbox.page(workspace, InboxFilter.active().withChannels("INSTAGRAM"), request);
            walked.addAll(page.rows());
            if (page.nextCursor().isEmpty()) {
                break;
            }
            request = request.after(page.nextCursor().get());
        }

        List<ExecuteContext> pages = seen.stream().filter(ctx -> ctx.sql().contains("conversations")).toList();
        List<ExecuteContext> lookups = seen.stream().filter(ctx -> !ctx.sql().contains("conversations")).toList();
        assertThat(walked).hasSize(12);
        assertThat(pages).hasSize(3);
        assertThat(pages.get(0).query().getBindValues()).as("page 1: every value a literal").isEmpty();
        assertThat(pages.get(1).sql()).isEqualTo(pages.get(2).sql()).isNotEqualTo(pages.get(0).sql());
        for (int page = 1; page < pages.size(); page++) {
            InboxRow last = walked.get(5 * page - 1);
            assertThat(pages.get(page).query().getBindValues()).as("page %d's binds", page + 1)
                    .containsExactly(last.activityAt(), last.conversationId());
        }
        assertThat(lookups).hasSize(3).allSatisfy(lookup -> {
            assertThat(lookup.sql()).isEqualTo(lookups.get(0).sql());
            assertThat(lookup.query().getBindValues()).containsExactly(workspace);
        });
    }

    @Test
    void aListThatHasRenderedItsPagesReadsWhatAFreshListReads() {
        InboxQuery inbox = new InboxQuery(dsl);
        List<InboxFilter> inboxFilters = List.of(InboxFilter.active(), InboxFilter.active().withUnreadOnly(true),
                InboxFilter.active().withAssignee(AssigneeFilter.user(agent)),
                InboxFilter.active().withAssignee(AssigneeFilter.UNASSIGNED).withChannels("WHATSAPP"),
                InboxFilter.active().withIntents(IntentLabel.BUYING), InboxFilter.active().withView(ArchiveView.ALL));
        for (int pass = 0; pass < 2; pass++) {
            for (InboxFilter filter : inboxFilters) {
                assertThat(walk(r -> inbox.page(workspace, filter, r)))
                        .as("pass %d, %s", pass, filter)
                        .isEqualTo(walk(r -> new InboxQuery(dsl).page(workspace, filter, r)))
                        .isNotEmpty();
            }
        }
        LeadQuery leads = new LeadQuery(dsl);
        OrderQuery orders = new OrderQuery(dsl);
        for (int pass = 0; pass < 2; pass++) {
            for (LeadFilter filter : List.of(LeadFilter.active(), LeadFilter.active().withStatuses(LeadStatus.NEW))) {
                assertThat(walk(r -> leads.page(workspace, filter, r)))
                        .isEqualTo(walk(r -> new LeadQuery(dsl).page(workspace, filter, r))).isNotEmpty();
            }
            for (OrderFilter filter : List.of(OrderFilter.active(),
                    OrderFilter.active().withStatuses(OrderStatus.SHIPPED))) {
                assertThat(walk(r -> orders.page(workspace, filter, r)))
                        .isEqualTo(walk(r -> new OrderQuery(dsl).page(workspace, filter, r))).isNotEmpty();
            }
        }
    }

    @Test
    void filtersThatDifferOnlyInAValueReadTheirOwnRows() {
        InboxQuery inbox = new InboxQuery(dsl);
        for (int pass = 0; pass < 3; pass++) {
            for (long user : List.of(agent, otherAgent)) {
                List<Long> assignees = inbox.page(workspace,
                                InboxFilter.active().withAssignee(AssigneeFilter.user(user)), PageRequest.first(50))
                        .rows().stream().map(InboxRow::assignedToUserId).toList();
                assertThat(assignees).isNotEmpty().containsOnly(user);
            }
        }
    }

    @Test
    void aBusinessTheWorkspaceGainsIsListedFromTheNextCall() {
        InboxQuery inbox = new InboxQuery(dsl);
        PageRequest first = PageRequest.first(3);
        long before = inbox.page(workspace, InboxFilter.active(), first).rows().get(0).conversationId();

        long shop = seed.business(workspace, "second shop");
        ConversationsRecord newest = seed.update(seed.conversation(workspace, "INSTAGRAM", 0),
                c -> c.setBusinessId(shop).setLastMessageAt(Seed.NOW.plusMinutes(1)));

        InboxRow top = inbox.page(workspace, InboxFilter.active(), first).rows().get(0);
        assertThat(top.conversationId()).isEqualTo(newest.getId()).isNotEqualTo(before);
        assertThat(top.businessId()).isEqualTo(shop);
    }

    @Test
    void aRenderedPageThatFailsIsReportedAsADatabaseFailure() throws SQLException {
        Page<InboxRow> first = new InboxQuery(dsl).page(workspace, InboxFilter.active(), PageRequest.first(5));
        PageRequest second = PageRequest.first(5).after(first.nextCursor().orElseThrow());
        try (Connection holder = database.dataSource().getConnection();
             Connection reader = database.dataSource().getConnection()) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("LOCK TABLE conversations IN ACCESS EXCLUSIVE MODE");
            reader.createStatement().execute("SET lock_timeout = '50ms'");
            InboxQuery onReader = new InboxQuery(DSL.using(reader, SQLDialect.POSTGRES));

            // The business lookup does not read conversations: the page's own statement is the one that waits.
            assertThatThrownBy(() -> onReader.page(workspace, InboxFilter.active(), second))
                    .isInstanceOfSatisfying(DatabaseFailureException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo("55P03");
                        assertThat(e.retrySafe()).isTrue();
                    });
            holder.rollback();
        }
    }

    @Test
    void everyConnectionAPageTakesIsGivenBack() {
        AtomicInteger open = new AtomicInteger();
        AtomicInteger taken = new AtomicInteger();
        DSLContext counted = DSL.using(new DataSourceConnectionProvider(counting(database.dataSource(), open, taken)),
                SQLDialect.POSTGRES);
        InboxQuery inbox = new InboxQuery(counted);

        List<InboxRow> walked = walk(r -> inbox.page(workspace, InboxFilter.active(), r)).stream()
                .flatMap(page -> page.rows().stream()).toList();

        assertThat(walked).hasSize(24);
        assertThat(taken.get()).isGreaterThanOrEqualTo(2 * 5);
        assertThat(open).as("connections not given back").hasValue(0);
    }

    @Test
    void anIntentLabelThisBuildDoesNotKnowReadsAsJooqReadsIt() {
        ConversationsRecord conversation = seed.conversation(workspace, "INSTAGRAM", -10);
        dsl.execute("ALTER TYPE intent_label ADD VALUE IF NOT EXISTS 'FROM_A_LATER_MIGRATION'");
        dsl.execute("UPDATE conversations SET intent_label_enum = 'FROM_A_LATER_MIGRATION' WHERE id = "
                + conversation.getId());

        InboxRow top = new InboxQuery(dsl).page(workspace, InboxFilter.active(), PageRequest.first(1)).rows().get(0);

        assertThat(top.conversationId()).isEqualTo(conversation.getId());
        assertThat(top.intentLabel()).isNull();
        assertThat(dsl.select(com.inboop.db.schema.Tables.CONVERSATIONS.INTENT_LABEL_ENUM)
                .from(com.inboop.db.schema.Tables.CONVERSATIONS)
                .where(com.inboop.db.schema.Tables.CONVERSATIONS.ID.eq(conversation.getId())).fetchSingle().value1())
                .as("jOOQ's own reading").isNull();
    }

    /** Every page of a walk from page 1 (5 rows each), rows and cursors. */
    private static <T> List<Page<T>> walk(Function<PageRequest, Page<T>> list) {
        List<Page<T>> pages = new ArrayList<>();
        PageRequest request = PageRequest.first(5);
        while (true) {
            Page<T> page = list.apply(request);
            pages.add(page);
            if (page.nextCursor().isEmpty()) {
                return pages;
            }
            request = request.after(page.nextCursor().get());
        }
    }

    private static DSLContext listening(DSLContext dsl, List<ExecuteContext> seen) {
        return dsl.configuration().derive(new DefaultExecuteListenerProvider(new ExecuteListener() {
            @Override
            public void executeEnd(ExecuteContext ctx) {
                seen.add(ctx);
            }
        })).dsl();
    }

    /** {@code dataSource}, counting the connections it has handed out and not seen closed. */
    private static DataSource counting(DataSource dataSource, AtomicInteger open, AtomicInteger taken) {
        return (DataSource) Proxy.newProxyInstance(RenderedPagesTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(dataSource, method, args);
                    if (!method.getName().equals("getConnection")) {
                        return result;
                    }
                    open.incrementAndGet();
                    taken.incrementAndGet();
                    Connection connection = (Connection) result;
                    return Proxy.newProxyInstance(RenderedPagesTest.class.getClassLoader(),
                            new Class<?>[] {Connection.class}, (p, m, a) -> {
                                if (m.getName().equals("close") && !connection.isClosed()) {
                                    open.decrementAndGet();
                                }
                                return invoke(connection, m, a);
                            });
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

package com.inboop.db;

import static com.inboop.db.schema.Tables.CONVERSATIONS;
import static com.inboop.db.schema.Tables.LEADS;
import static com.inboop.db.schema.Tables.ORDERS;
import static com.inboop.db.schema.Tables.ORDER_TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.db.inbox.ConversationIntent;
import com.inboop.db.inbox.InboxFilter;
import com.inboop.db.inbox.InboxQuery;
import com.inboop.db.lead.LeadFilter;
import com.inboop.db.lead.LeadLifecycle;
import com.inboop.db.lead.LeadQuery;
import com.inboop.db.lead.NewLead;
import com.inboop.db.lifecycle.Transition;
import com.inboop.db.list.ArchiveView;
import com.inboop.db.list.PageRequest;
import com.inboop.db.list.QueryParameters;
import com.inboop.db.list.TextSearch;
import com.inboop.db.list.TimeRange;
import com.inboop.db.order.NewOrder;
import com.inboop.db.order.OrderFilter;
import com.inboop.db.order.OrderLifecycle;
import com.inboop.db.order.OrderQuery;
import com.inboop.db.schema.enums.IntentLabel;
import com.inboop.db.schema.enums.LeadStatus;
import com.inboop.db.schema.enums.OrderStatus;
import com.inboop.db.schema.enums.PaymentStatus;

/**
 * The public API's contract, held against a hostile or careless caller: an argument Postgres cannot store or would
 * store wrongly is an {@link InvalidRequestException} naming it, before any SQL; an actor must be a user of the
 * workspace; times are kept to the microsecond; and a failure of the database itself is a
 * {@link DatabaseFailureException} that carries the SQLSTATE and says whether a retry is safe.
 */
@ExtendWith(MigratedDatabaseExtension.class)
class HostileCallerTest {

    private static final LocalDateTime MIDNIGHT = LocalDateTime.of(2026, 11, 20, 0, 0);

    private final TestDatabase database;
    private final DSLContext dsl;
    private final Seed seed;
    private final OrderLifecycle orders;
    private long workspace;
    private long agent;
    private long conversation;

    HostileCallerTest(TestDatabase database) {
        this.database = database;
        this.dsl = Seed.dsl(database);
        this.seed = new Seed(dsl);
        this.orders = new OrderLifecycle(dsl);
    }

    @BeforeEach
    void aWorkspaceWithAConversation() {
        workspace = seed.workspace("shop");
        agent = seed.user(workspace, "agent@shop.example");
        conversation = seed.update(seed.conversation(workspace, "INSTAGRAM", 5),
                c -> c.setCustomerName("Customer 1-10").setCustomerHandle("handle_1_10")).getId();
    }

    @Test
    void textPostgresCannotStoreIsRefusedByName() {
        assertThatThrownBy(() -> new NewLead(conversation, "AI", null, "call me\u0000later", null))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("notes: must not contain a NUL");
        assertThatThrownBy(() -> new NewOrder(conversation, "A-\u00001", null, null, null, agent))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("orderNumber: must not contain");
        assertThatThrownBy(() -> new NewLead(conversation, "AI", null, "half \uD83D", null))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("notes:");
    }

    @Test
    void amountsANumeric10x2CannotHoldAreRefusedByName() {
        assertThatThrownBy(() -> new NewLead(conversation, "AI", null, null, new BigDecimal("100000000")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("value: must be from 0 to 99999999.99 with at most two decimals (the column is "
                        + "numeric(10,2)), was 100000000");
        assertThatThrownBy(() -> new NewOrder(conversation, "A-1", null, null, new BigDecimal("1000000000"), agent))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("totalAmount:");
        assertThatThrownBy(() -> new NewOrder(conversation, "A-1", null, null, new BigDecimal("1.005"), agent))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("at most two decimals");

        long order = orders.create(workspace, new NewOrder(conversation, "A-1", null, null,
                new BigDecimal("99999999.99"), agent)).orderId();
        assertThat(dsl.fetchValue(ORDERS.TOTAL_AMOUNT, ORDERS.ID.eq(order))).isEqualByComparingTo("99999999.99");
    }

    @Test
    void anEvaluationTimePostgresWouldStoreWronglyOrThatWouldFreezeTheLabelIsRefused() {
        ConversationIntent intent = new ConversationIntent(dsl);
        for (LocalDateTime time : List.of(LocalDateTime.of(-4713, 1, 1, 0, 0), LocalDateTime.of(0, 1, 1, 0, 0),
                LocalDateTime.MIN, LocalDateTime.MAX, LocalDateTime.of(10000, 1, 1, 0, 0),
                LocalDateTime.now().plusDays(2))) {
            assertThatThrownBy(() -> intent.record(workspace, conversation, IntentLabel.BUYING, BigDecimal.ONE, time))
                    .as("%s", time).isInstanceOf(InvalidRequestException.class)
                    .hasMessageStartingWith("evaluatedAt:");
        }
        assertThat(dsl.fetchValue(CONVERSATIONS.INTENT_EVALUATED_AT, CONVERSATIONS.ID.eq(conversation))).isNull();

        assertThat(intent.record(workspace, conversation, IntentLabel.SPAM, BigDecimal.ONE,
                Seed.NOW.plusNanos(999))).isEqualTo(new Transition<>(true, IntentLabel.SPAM));
        assertThat(intent.record(workspace, conversation, IntentLabel.BUYING, BigDecimal.ONE,
                Seed.NOW.plusNanos(500))).as("the same microsecond, not newer")
                .isEqualTo(new Transition<>(false, IntentLabel.SPAM));
        assertThat(intent.record(workspace, conversation, IntentLabel.BUYING, BigDecimal.ONE,
                Seed.NOW.plusNanos(1_000))).isEqualTo(new Transition<>(true, IntentLabel.BUYING));
    }

    @Test
    void anActorMustBeAUserOfTheWorkspaceAndNothingIsWrittenOtherwise() {
        long stranger = seed.user(seed.workspace("elsewhere"), "stranger@elsewhere.example");
        long order = orders.create(workspace, new NewOrder(conversation, "A-2", null, null, null, agent)).orderId();
        int timeline = dsl.fetchCount(ORDER_TIMELINE, ORDER_TIMELINE.ORDER_ID.eq(order));

        for (long actor : new long[] {stranger, 987_654_321L}) {
            assertThatThrownBy(() -> orders.create(workspace, new NewOrder(conversation, "A-3", null, null, null,
                    actor))).isInstanceOf(InvalidRequestException.class)
                    .hasMessageStartingWith("createdByUserId: user " + actor + " is not a member of workspace");
            assertThatThrownBy(() -> orders.changeStatus(workspace, order, OrderStatus.NEW, OrderStatus.CONFIRMED,
                    actor)).isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("actorUserId:");
            assertThatThrownBy(() -> orders.changePayment(workspace, order, PaymentStatus.UNPAID,
                    PaymentStatus.PAID, actor))
                    .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("actorUserId:");
        }
        assertThat(dsl.fetchCount(ORDERS, ORDERS.ORDER_NUMBER.eq("A-3"))).isZero();
        assertThat(dsl.fetchCount(ORDER_TIMELINE, ORDER_TIMELINE.ORDER_ID.eq(order))).isEqualTo(timeline);
        assertThat(dsl.fetchValue(ORDERS.STATUS, ORDERS.ID.eq(order))).isEqualTo("NEW");
    }

    @Test
    void boundsFinerThanAMicrosecondSelectTheRowsTheyName() {
        long lead = seed.lead(workspace, LeadStatus.NEW, "AI", 0);
        dsl.update(LEADS).set(LEADS.CREATED_AT, MIDNIGHT).where(LEADS.ID.eq(lead)).execute();
        LeadQuery leads = new LeadQuery(dsl);

        assertThat(ids(leads, new TimeRange(null, MIDNIGHT.plusNanos(100)))).containsExactly(lead);
        assertThat(ids(leads, new TimeRange(MIDNIGHT.plusNanos(100), null))).isEmpty();
        assertThat(ids(leads, new TimeRange(MIDNIGHT, MIDNIGHT.plusNanos(1)))).containsExactly(lead);
        assertThat(new TimeRange(null, MIDNIGHT.plusNanos(100)).to()).isEqualTo(MIDNIGHT.plusNanos(1_000));
    }

    private List<Long> ids(LeadQuery leads, TimeRange created) {
        return leads.page(workspace, LeadFilter.active().withCreated(created), PageRequest.first()).rows().stream()
                .map(row -> row.id()).toList();
    }

    @Test
    void anOutOfRangeDateIsNamedAsTheCallerNamedIt() {
        assertThatThrownBy(() -> OrderFilter.fromQueryParameters(QueryParameters.parse("created_from=0000-01-01")))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("created_from: must be within");
        assertThatThrownBy(() -> OrderFilter.fromQueryParameters(QueryParameters.parse("delivered_to=%2B10000-01-01")))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("delivered_to: must be within");
        assertThatThrownBy(() -> LeadFilter.fromQueryParameters(QueryParameters.parse(
                "created_from=2026-11-02&created_to=2026-11-01"))).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("created_to: must be after created_from");
    }

    @Test
    void channelsAreCodesWhateverTheirCase() {
        assertThat(InboxFilter.active().withChannels("instagram"))
                .isEqualTo(InboxFilter.active().withChannels("INSTAGRAM"));
        assertThat(new InboxQuery(dsl).page(workspace, InboxFilter.active().withChannels("instagram"),
                PageRequest.first()).rows()).extracting(row -> row.conversationId()).containsExactly(conversation);
        assertThat(OrderFilter.active().withChannels("whatsapp").channels()).containsExactly("WHATSAPP");
    }

    @Test
    void anInboxSearchMatchesWithinTheNameOrTheHandleNeverAcrossThem() {
        InboxQuery inbox = new InboxQuery(dsl);

        assertThat(inbox.page(workspace, InboxFilter.active().withSearch("1-10 handle"), PageRequest.first()).rows())
                .isEmpty();
        assertThat(inbox.page(workspace, InboxFilter.active().withSearch("handle_1"), PageRequest.first()).rows())
                .hasSize(1);
        assertThat(inbox.page(workspace, InboxFilter.active().withSearch("mer 1-1"), PageRequest.first()).rows())
                .hasSize(1);
    }

    @Test
    void leadAndOrderSearchesMatchWithinOneFieldToo() {
        orders.create(workspace, new NewOrder(conversation, "B-77", null, null, null, agent));
        new LeadLifecycle(dsl).create(workspace, new NewLead(conversation, "AI", null,
                "wants size M", null));
        OrderQuery orderList = new OrderQuery(dsl);
        LeadQuery leadList = new LeadQuery(dsl);

        assertThat(orderList.page(workspace, OrderFilter.active().withSearch("B-77 Cust"), PageRequest.first()).rows())
                .as("number and name joined").isEmpty();
        assertThat(orderList.page(workspace, OrderFilter.active().withSearch("r 1-10"), PageRequest.first()).rows())
                .hasSize(1);
        assertThat(orderList.page(workspace, OrderFilter.active().withSearch(TextSearch.prefix("B-7")),
                PageRequest.first()).rows()).hasSize(1);
        assertThat(leadList.page(workspace, LeadFilter.active().withSearch("1-10 wants"), PageRequest.first()).rows())
                .as("name and notes joined").isEmpty();
        assertThat(leadList.page(workspace, LeadFilter.active().withSearch("size M"), PageRequest.first()).rows())
                .hasSize(1);
    }

    @Test
    void aSearchTermsLengthCountsCharactersNotJavaChars() {
        assertThatThrownBy(() -> TextSearch.of("\uD83D\uDE00\uD83D\uDE00")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("had 2");
        assertThat(TextSearch.of("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00").text()).hasSize(6);
        assertThatThrownBy(() -> TextSearch.of("x".repeat(60) + "\uD83D\uDE00".repeat(41)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("had 101");
    }

    @Test
    void aDeadlockIsADatabaseFailureThatIsSafeToRetry() throws Exception {
        long first = orders.create(workspace, new NewOrder(conversation, "D-1", null, null, null, agent)).orderId();
        long second = orders.create(workspace, new NewOrder(conversation, "D-2", null, null, null, agent)).orderId();
        CyclicBarrier bothHoldOne = new CyclicBarrier(2);

        var outcomes = Race.run(2, i -> () -> dsl.transactionResult(tx -> {
            OrderLifecycle inTransaction = new OrderLifecycle(tx.dsl());
            long mine = i == 0 ? first : second;
            long theirs = i == 0 ? second : first;
            inTransaction.changeStatus(workspace, mine, OrderStatus.NEW, OrderStatus.CONFIRMED, agent);
            bothHoldOne.await(30, TimeUnit.SECONDS);
            return inTransaction.changeStatus(workspace, theirs, OrderStatus.NEW, OrderStatus.CANCELLED, agent);
        }));

        List<Throwable> failures = outcomes.stream().map(Race.Outcome::thrown).filter(t -> t != null).toList();
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0)).isInstanceOfSatisfying(DatabaseFailureException.class, e -> {
            assertThat(e.sqlState()).isEqualTo("40P01");
            assertThat(e.retrySafe()).isTrue();
            assertThat(e).hasMessageContaining("retry the whole unit of work");
        });
    }

    @Test
    void aDatabaseThatCannotBeReachedIsADatabaseFailureNotAJooqException() {
        DSLContext unreachable = DSL.using(new RefusingDataSource(), SQLDialect.POSTGRES);

        assertThatThrownBy(() -> new InboxQuery(unreachable).page(workspace, InboxFilter.active(), PageRequest.first()))
                .isInstanceOfSatisfying(DatabaseFailureException.class,
                        e -> assertThat(e.sqlState()).isEqualTo("08001"));
        assertThatThrownBy(() -> new OrderLifecycle(unreachable).changeStatus(workspace, 1, OrderStatus.NEW,
                OrderStatus.CONFIRMED, agent)).isInstanceOfSatisfying(DatabaseFailureException.class,
                        e -> assertThat(e.retrySafe()).isTrue());
        assertThatThrownBy(() -> new OrderQuery(unreachable).countByStatus(workspace,
                ArchiveView.ACTIVE)).isInstanceOf(DatabaseFailureException.class);
    }
}

package com.inboop.db.order;

import static com.inboop.db.schema.Tables.CONVERSATIONS;
import static com.inboop.db.schema.Tables.LEADS;
import static com.inboop.db.schema.Tables.ORDERS;
import static com.inboop.db.schema.Tables.ORDER_TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Supplier;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.db.InvalidRequestException;
import com.inboop.db.NotFoundException;
import com.inboop.db.Race;
import com.inboop.db.Seed;
import com.inboop.db.lead.LeadCreated;
import com.inboop.db.lead.LeadLifecycle;
import com.inboop.db.lead.NewLead;
import com.inboop.db.lifecycle.IllegalTransitionException;
import com.inboop.db.lifecycle.Transition;
import com.inboop.db.schema.enums.LeadStatus;
import com.inboop.db.schema.enums.OrderStatus;
import com.inboop.db.schema.enums.PaymentStatus;

/**
 * Leads opened in conversations and orders through their fulfilment and payment lifecycles: the domain's rules,
 * both status columns written, the timeline appended, and every compare-and-set raced.
 */
@ExtendWith(MigratedDatabaseExtension.class)
class OrderLifecycleTest {

    private static final int RACERS = 8;
    private static final int RACE_ROUNDS = 50;

    private final DSLContext dsl;
    private final Seed seed;
    private final LeadLifecycle leads;
    private final OrderLifecycle orders;
    private long workspace;
    private long agent;
    private long conversation;

    OrderLifecycleTest(TestDatabase database) {
        this.dsl = Seed.dsl(database);
        this.seed = new Seed(dsl);
        this.leads = new LeadLifecycle(dsl);
        this.orders = new OrderLifecycle(dsl);
    }

    @BeforeEach
    void aConversation() {
        workspace = seed.workspace("shop");
        agent = seed.user(workspace, "agent@shop.example");
        conversation = seed.update(seed.conversation(workspace, "WHATSAPP", 5),
                c -> c.setCustomerName("Asha").setLeadCount(0).setOrderCount(0)).getId();
    }

    private long newOrder(String number, Long lead, String method) {
        return orders.create(workspace, new NewOrder(conversation, number, lead, method, new BigDecimal("499.00"), agent))
                .orderId();
    }

    /** Both status columns of an order, which inboop-db always writes alike. */
    private List<String> statuses(long order) {
        var r = dsl.select(ORDERS.STATUS_ENUM, ORDERS.STATUS, ORDERS.PAYMENT_STATUS_ENUM, ORDERS.PAYMENT_STATUS)
                .from(ORDERS).where(ORDERS.ID.eq(order)).fetchSingle();
        assertThat(r.value1().getLiteral()).isEqualTo(r.value2());
        assertThat(r.value3().getLiteral()).isEqualTo(r.value4());
        return List.of(r.value2(), r.value4());
    }

    private String leadStatus(long lead) {
        var r = dsl.select(LEADS.STATUS_ENUM, LEADS.STATUS).from(LEADS).where(LEADS.ID.eq(lead)).fetchSingle();
        assertThat(r.value1().getLiteral()).isEqualTo(r.value2());
        return r.value2();
    }

    @Test
    void openingALeadSupersedesTheConversationsNewLeadAndCountsIt() {
        LeadCreated first = leads.create(workspace, new NewLead(conversation, "AI", null, "asked for price", null));
        LeadCreated second = leads.create(workspace, new NewLead(conversation, "MANUAL", agent, null, BigDecimal.TEN));

        assertThat(first.superseded()).isEmpty();
        assertThat(second.superseded()).containsExactly(first.leadId());
        assertThat(leadStatus(first.leadId())).isEqualTo("CLOSED");
        assertThat(leadStatus(second.leadId())).isEqualTo("NEW");
        var lead = dsl.fetchSingle(LEADS, LEADS.ID.eq(second.leadId()));
        assertThat(lead.getCustomerName()).isEqualTo("Asha");
        assertThat(lead.getChannel()).isEqualTo("WHATSAPP");
        assertThat(lead.getCreatedBy()).isEqualTo(agent);
        assertThat(dsl.fetchValue(CONVERSATIONS.LEAD_COUNT, CONVERSATIONS.ID.eq(conversation))).isEqualTo(2);
    }

    @Test
    void leadsOpenedAtOnceInOneConversationLeaveExactlyOneNew() throws Exception {
        var outcomes = Race.run(RACERS, i -> () -> leads.create(workspace, new NewLead(conversation, "AI", null, null, null)));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.thrown()).isNull());
        assertThat(dsl.fetchCount(LEADS, LEADS.CONVERSATION_ID.eq(conversation).and(LEADS.STATUS.eq("NEW")))).isEqualTo(1);
        assertThat(dsl.fetchCount(LEADS, LEADS.CONVERSATION_ID.eq(conversation).and(LEADS.STATUS.eq("CLOSED"))))
                .isEqualTo(RACERS - 1);
        assertThat(dsl.fetchValue(CONVERSATIONS.LEAD_COUNT, CONVERSATIONS.ID.eq(conversation))).isEqualTo(RACERS);
    }

    @Test
    void anOrderStartsNewAndUnpaidAndConvertsTheLeadItNames() {
        long lead = leads.create(workspace, new NewLead(conversation, "AI", null, null, null)).leadId();

        long order = newOrder("A-1", lead, null);

        assertThat(statuses(order)).containsExactly("NEW", "UNPAID");
        var stored = dsl.fetchSingle(ORDERS, ORDERS.ID.eq(order));
        assertThat(stored.getPaymentMethod()).isEqualTo("ONLINE");
        assertThat(stored.getChannel()).isEqualTo("WHATSAPP");
        assertThat(stored.getCustomerName()).isEqualTo("Asha");
        assertThat(leadStatus(lead)).isEqualTo("CONVERTED");
        var converted = dsl.fetchSingle(LEADS, LEADS.ID.eq(lead));
        assertThat(converted.getConvertedOrderId()).isEqualTo(order);
        assertThat(converted.getConvertedOrderNumber()).isEqualTo("A-1");
        assertThat(dsl.fetchValue(CONVERSATIONS.ORDER_COUNT, CONVERSATIONS.ID.eq(conversation))).isEqualTo(1);
        assertThat(dsl.fetch(ORDER_TIMELINE, ORDER_TIMELINE.ORDER_ID.eq(order)))
                .singleElement().satisfies(t -> {
                    assertThat(t.getStatus()).isEqualTo("NEW");
                    assertThat(t.getPaymentStatus()).isEqualTo("UNPAID");
                    assertThat(t.getPerformedByUserId()).isEqualTo(agent);
                });
    }

    @Test
    void inTheCallersJooqTransactionAnOrderCommitsAndRollsBackWithIt() {
        long lead = leads.create(workspace, new NewLead(conversation, "AI", null, null, null)).leadId();

        assertThatThrownBy(() -> dsl.transaction(caller -> {
            new OrderLifecycle(caller.dsl()).create(workspace,
                    new NewOrder(conversation, "T-1", lead, "COD", BigDecimal.TEN, agent));
            throw new IllegalStateException("the caller's own next step failed");
        })).hasMessageContaining("the caller's own next step failed");
        assertThat(dsl.fetchCount(ORDERS, ORDERS.ORDER_NUMBER.eq("T-1"))).isZero();
        assertThat(leadStatus(lead)).isEqualTo("NEW");
        assertThat(dsl.fetchValue(CONVERSATIONS.ORDER_COUNT, CONVERSATIONS.ID.eq(conversation))).isZero();

        dsl.transaction(caller -> new OrderLifecycle(caller.dsl()).create(workspace,
                new NewOrder(conversation, "T-1", lead, "COD", BigDecimal.TEN, agent)));
        assertThat(leadStatus(lead)).isEqualTo("CONVERTED");
        assertThat(dsl.fetchValue(CONVERSATIONS.ORDER_COUNT, CONVERSATIONS.ID.eq(conversation))).isEqualTo(1);
    }

    @Test
    void aLostLeadCannotBeConvertedAndNothingIsWritten() {
        long lead = leads.create(workspace, new NewLead(conversation, "AI", null, null, null)).leadId();
        leads.changeStatus(workspace, lead, LeadStatus.NEW, LeadStatus.LOST);

        assertThatThrownBy(() -> newOrder("A-2", lead, null)).isInstanceOf(IllegalTransitionException.class)
                .hasMessage("A lead cannot go from LOST to CONVERTED: LOST is final; create a new lead instead");
        assertThat(dsl.fetchCount(ORDERS, ORDERS.ORDER_NUMBER.eq("A-2"))).isZero();
        assertThat(dsl.fetchValue(CONVERSATIONS.ORDER_COUNT, CONVERSATIONS.ID.eq(conversation))).isEqualTo(0);
    }

    @Test
    void anOrderConvertingALeadRacesALossAndExactlyOneWins() throws Exception {
        for (int round = 0; round < 10; round++) {
            long lead = leads.create(workspace, new NewLead(conversation, "AI", null, null, null)).leadId();
            String number = "R-" + round;
            var outcomes = Race.run(2, i -> i == 0 ? () -> newOrder(number, lead, null)
                    : () -> leads.changeStatus(workspace, lead, LeadStatus.NEW, LeadStatus.LOST).applied());

            boolean ordered = outcomes.get(0).thrown() == null;
            boolean lost = Boolean.TRUE.equals(outcomes.get(1).value());
            assertThat(ordered).as("exactly one of order and loss wins, round %s", round).isNotEqualTo(lost);
            assertThat(leadStatus(lead)).isEqualTo(ordered ? "CONVERTED" : "LOST");
            assertThat(dsl.fetchCount(ORDERS, ORDERS.ORDER_NUMBER.eq(number))).isEqualTo(ordered ? 1 : 0);
        }
    }

    @Test
    void anOrderNamingALeadOfAnotherConversationIsRefused() {
        long otherConversation = seed.conversation(workspace, "INSTAGRAM", 1).getId();
        long lead = leads.create(workspace, new NewLead(otherConversation, "AI", null, null, null)).leadId();

        assertThatThrownBy(() -> newOrder("A-3", lead, null)).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("leadId: lead " + lead + " is not from conversation " + conversation);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"NEW, CONFIRMED", "CONFIRMED, SHIPPED", "NEW, CANCELLED", "CONFIRMED, CANCELLED"})
    void fulfilmentMovesAlongItsLifecycleWithTimestampAndTimeline(OrderStatus from, OrderStatus to) {
        long order = newOrder("F-" + from + to, null, null);
        if (from == OrderStatus.CONFIRMED) {
            orders.changeStatus(workspace, order, OrderStatus.NEW, OrderStatus.CONFIRMED, agent);
        }

        assertThat(orders.changeStatus(workspace, order, from, to, agent)).isEqualTo(new Transition<>(true, to));
        assertThat(statuses(order).get(0)).isEqualTo(to.getLiteral());
        var stored = dsl.fetchSingle(ORDERS, ORDERS.ID.eq(order));
        assertThat(to == OrderStatus.SHIPPED ? stored.getShippedAt() : to == OrderStatus.CANCELLED
                ? stored.getCancelledAt() : stored.getUpdatedAt()).isNotNull();
        assertThat(dsl.fetchCount(ORDER_TIMELINE, ORDER_TIMELINE.ORDER_ID.eq(order)
                .and(ORDER_TIMELINE.EVENT_TYPE.eq("STATUS_CHANGE")).and(ORDER_TIMELINE.STATUS.eq(to.getLiteral()))))
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"NEW, SHIPPED", "NEW, DELIVERED", "SHIPPED, CANCELLED", "DELIVERED, SHIPPED", "CANCELLED, NEW",
            "CONFIRMED, NEW"})
    void fulfilmentRefusesWhatTheLifecycleForbidsBeforeAnySql(OrderStatus from, OrderStatus to) {
        assertThatThrownBy(() -> orders.changeStatus(workspace, 1, from, to, agent))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageStartingWith("An order cannot go from " + from + " to " + to);
    }

    @Test
    void anUnpaidOrderIsDeliveredOnlyIfItIsCashOnDelivery() {
        long online = newOrder("D-1", null, "ONLINE");
        long cod = newOrder("D-2", null, "COD");
        for (long order : new long[] {online, cod}) {
            orders.changeStatus(workspace, order, OrderStatus.NEW, OrderStatus.CONFIRMED, agent);
            orders.changeStatus(workspace, order, OrderStatus.CONFIRMED, OrderStatus.SHIPPED, agent);
        }

        assertThatThrownBy(() -> orders.changeStatus(workspace, online, OrderStatus.SHIPPED, OrderStatus.DELIVERED,
                agent)).isInstanceOf(IllegalTransitionException.class).hasMessageContaining("neither paid nor cash");
        assertThat(orders.changeStatus(workspace, cod, OrderStatus.SHIPPED, OrderStatus.DELIVERED, agent).applied())
                .isTrue();
        assertThat(statuses(cod)).containsExactly("DELIVERED", "UNPAID");
        orders.changePayment(workspace, online, PaymentStatus.UNPAID, PaymentStatus.PAID, agent);
        assertThat(orders.changeStatus(workspace, online, OrderStatus.SHIPPED, OrderStatus.DELIVERED, agent).applied())
                .isTrue();
        assertThat(statuses(online)).containsExactly("DELIVERED", "PAID");
        // Cash confirmed after delivery.
        assertThat(orders.changePayment(workspace, cod, PaymentStatus.UNPAID, PaymentStatus.PAID, agent).applied())
                .isTrue();
    }

    @Test
    void paymentIsIndependentOfFulfilmentAndRefundIsFinal() {
        long order = newOrder("P-1", null, null);

        assertThat(orders.changePayment(workspace, order, PaymentStatus.UNPAID, PaymentStatus.PAID, agent))
                .isEqualTo(new Transition<>(true, PaymentStatus.PAID));
        assertThat(dsl.fetchValue(ORDERS.PAID_AT, ORDERS.ID.eq(order))).isNotNull();
        assertThat(orders.changePayment(workspace, order, PaymentStatus.PAID, PaymentStatus.REFUNDED, agent).applied())
                .isTrue();
        assertThat(statuses(order)).containsExactly("NEW", "REFUNDED");
        assertThatThrownBy(() -> orders.changePayment(workspace, order, PaymentStatus.REFUNDED, PaymentStatus.PAID,
                agent)).isInstanceOf(IllegalTransitionException.class)
                .hasMessage("An order's payment cannot go from REFUNDED to PAID: REFUNDED is final; a refund is final");
        assertThat(dsl.fetchCount(ORDER_TIMELINE, ORDER_TIMELINE.ORDER_ID.eq(order)
                .and(ORDER_TIMELINE.EVENT_TYPE.eq("PAYMENT_UPDATE")))).isEqualTo(2);
    }

    @Test
    void aLegacyOrderMovesFromItsMappedStatusAndGetsBothColumns() {
        long legacy = seed.order(workspace, null, null, 1); // the backend's PENDING, typed column NULL

        assertThat(orders.changeStatus(workspace, legacy, OrderStatus.NEW, OrderStatus.CONFIRMED, agent).applied())
                .isTrue();
        assertThat(dsl.fetchValue(ORDERS.STATUS_ENUM, ORDERS.ID.eq(legacy))).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(dsl.fetchValue(ORDERS.STATUS, ORDERS.ID.eq(legacy))).isEqualTo("CONFIRMED");
        assertThat(orders.changePayment(workspace, legacy, PaymentStatus.UNPAID, PaymentStatus.PAID, agent))
                .as("an unknown payment status matches no expectation").isEqualTo(new Transition<>(false, null));
    }

    @Test
    void concurrentFulfilmentChangesFromOneStatusApplyExactlyOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            long order = newOrder("C-" + round, null, null);
            OrderStatus[] targets = {OrderStatus.CONFIRMED, OrderStatus.CANCELLED};
            var outcomes = Race.run(RACERS, i -> () -> orders.changeStatus(workspace, order, OrderStatus.NEW,
                    targets[i % 2], agent));

            List<Transition<OrderStatus>> applied = outcomes.stream().map(Race.Outcome::value)
                    .filter(Transition::applied).toList();
            assertThat(applied).hasSize(1);
            assertThat(outcomes).allSatisfy(o -> assertThat(o.value().current()).isEqualTo(applied.get(0).current()));
            assertThat(dsl.fetchCount(ORDER_TIMELINE, ORDER_TIMELINE.ORDER_ID.eq(order)
                    .and(ORDER_TIMELINE.EVENT_TYPE.eq("STATUS_CHANGE")))).isEqualTo(1);
        }
    }

    @Test
    void concurrentPaymentChangesFromOneStatusApplyExactlyOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            long order = newOrder("Q-" + round, null, null);
            var outcomes = Race.run(RACERS, i -> () -> orders.changePayment(workspace, order, PaymentStatus.UNPAID,
                    PaymentStatus.PAID, agent));

            assertThat(outcomes.stream().filter(o -> o.value().applied())).hasSize(1);
            assertThat(outcomes).allSatisfy(o -> assertThat(o.value().current()).isEqualTo(PaymentStatus.PAID));
        }
    }

    @Test
    void ordersCreatedAtOnceWithOneNumberMakeOneOrderAndTellEveryOtherCallerTheNumberIsTaken() throws Exception {
        var outcomes = Race.run(32, i -> () -> newOrder("SAME-1", null, null));

        assertThat(outcomes.stream().filter(o -> o.thrown() == null)).hasSize(1);
        assertThat(outcomes.stream().map(Race.Outcome::thrown).filter(t -> t != null)).hasSize(31)
                .allSatisfy(t -> assertThat(t).isInstanceOf(InvalidRequestException.class)
                        .hasMessageStartingWith("orderNumber: 'SAME-1' is taken"));
        assertThat(dsl.fetchCount(ORDERS, ORDERS.ORDER_NUMBER.eq("SAME-1"))).isOne();
        assertThat(dsl.fetchValue(CONVERSATIONS.ORDER_COUNT, CONVERSATIONS.ID.eq(conversation))).isOne();
    }

    /**
     * A change whose UPDATE ran on a snapshot from before a concurrent commit, and whose re-read came after it, is a
     * lost race like any other: a result, never an exception. One racer keeps trying the second step while the other
     * makes the first, round after round, so that some tries land in that window.
     */
    @Test
    void aChangeRacingTheStepBeforeItLosesWithAResultNeverAnException() throws Exception {
        for (int round = 0; round < RACE_ROUNDS; round++) {
            long order = newOrder("W-" + round, null, null);
            var payment = Race.run(2, i -> i == 0
                    ? () -> untilApplied(() -> orders.changePayment(workspace, order, PaymentStatus.PAID,
                            PaymentStatus.REFUNDED, agent), PaymentStatus.UNPAID)
                    : () -> orders.changePayment(workspace, order, PaymentStatus.UNPAID, PaymentStatus.PAID, agent));
            var status = Race.run(2, i -> i == 0
                    ? () -> untilApplied(() -> orders.changeStatus(workspace, order, OrderStatus.CONFIRMED,
                            OrderStatus.SHIPPED, agent), OrderStatus.NEW)
                    : () -> orders.changeStatus(workspace, order, OrderStatus.NEW, OrderStatus.CONFIRMED, agent));

            assertThat(payment).allSatisfy(o -> assertThat(o.thrown()).isNull());
            assertThat(status).allSatisfy(o -> assertThat(o.thrown()).isNull());
            assertThat(statuses(order)).containsExactly("SHIPPED", "REFUNDED");
        }
    }

    /**
     * Tries {@code change} until it applies; every miss must report the only status the row can have before the
     * other racer's step ({@code before}).
     */
    private static <S> Transition<S> untilApplied(Supplier<Transition<S>> change, S before) {
        for (int tries = 0; ; tries++) {
            Transition<S> result = change.get();
            if (result.applied()) {
                return result;
            }
            assertThat(result.current()).isEqualTo(before);
            assertThat(tries).as("tries before the other racer's step committed").isLessThan(100_000);
        }
    }

    @Test
    void anotherWorkspacesOrderOrConversationIsNotFound() {
        long foreignWorkspace = seed.workspace("elsewhere");
        long foreignConversation = seed.conversation(foreignWorkspace, "INSTAGRAM", 1).getId();
        long foreignOrder = seed.order(foreignWorkspace, OrderStatus.NEW, PaymentStatus.UNPAID, 1);

        assertThatThrownBy(() -> orders.create(workspace, new NewOrder(foreignConversation, "X-1", null, null, null,
                agent))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> orders.changeStatus(workspace, foreignOrder, OrderStatus.NEW, OrderStatus.CONFIRMED,
                agent)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> leads.create(workspace, new NewLead(foreignConversation, "AI", null, null, null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(statuses(foreignOrder)).containsExactly("NEW", "UNPAID");
    }

    @Test
    void badArgumentsAreRefusedBeforeAnySql() {
        assertThatThrownBy(() -> new NewOrder(conversation, " ", null, null, null, agent))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("orderNumber:");
        assertThatThrownBy(() -> new NewOrder(conversation, "N-1", null, "BANK_TRANSFER", null, agent))
                .hasMessage("paymentMethod: must be ONLINE or COD, was BANK_TRANSFER");
        assertThatThrownBy(() -> new NewOrder(conversation, "N-1", null, null, new BigDecimal("-1"), agent))
                .hasMessageStartingWith("totalAmount:");
        assertThatThrownBy(() -> new NewLead(conversation, "MANUAL", null, null, null))
                .hasMessageStartingWith("createdByUserId:");
        assertThatThrownBy(() -> new NewLead(conversation, null, null, null, null)).hasMessageStartingWith("source:");
        assertThatThrownBy(() -> orders.create(workspace, null)).hasMessage("order: must not be null");
        assertThatThrownBy(() -> orders.changeStatus(workspace, 1, null, OrderStatus.NEW, agent))
                .hasMessage("expected: must not be null");
        assertThatThrownBy(() -> orders.changePayment(workspace, 1, PaymentStatus.UNPAID, PaymentStatus.PAID, 0))
                .hasMessageStartingWith("actorUserId:");
        assertThatThrownBy(() -> new OrderLifecycle(null)).hasMessage("dsl: must not be null");
    }
}

package com.inboop.db.list;

import static com.inboop.db.schema.Tables.CONVERSATIONS;
import static com.inboop.db.schema.Tables.LEADS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.db.InvalidRequestException;
import com.inboop.db.Seed;
import com.inboop.db.assignment.Assignable;
import com.inboop.db.assignment.Assignments;
import com.inboop.db.inbox.ConversationIntent;
import com.inboop.db.lead.LeadFilter;
import com.inboop.db.lead.LeadQuery;
import com.inboop.db.lead.LeadRow;
import com.inboop.db.lifecycle.Transition;
import com.inboop.db.order.OrderFilter;
import com.inboop.db.order.OrderQuery;
import com.inboop.db.order.OrderRow;
import com.inboop.db.schema.enums.IntentLabel;
import com.inboop.db.schema.enums.LeadStatus;
import com.inboop.db.schema.enums.OrderStatus;
import com.inboop.db.schema.enums.PaymentStatus;

@ExtendWith(MigratedDatabaseExtension.class)
class StatusQueriesTest {

    private final DSLContext dsl;
    private final Seed seed;
    private long workspace;

    StatusQueriesTest(TestDatabase database) {
        this.dsl = Seed.dsl(database);
        this.seed = new Seed(dsl);
    }

    @BeforeEach
    void freshWorkspace() {
        workspace = seed.workspace("shop");
    }

    private List<Long> leadIds(LeadFilter filter) {
        return new LeadQuery(dsl).page(workspace, filter, PageRequest.first(200)).rows().stream().map(LeadRow::id)
                .toList();
    }

    private List<Long> orderIds(OrderFilter filter) {
        return new OrderQuery(dsl).page(workspace, filter, PageRequest.first(200)).rows().stream().map(OrderRow::id)
                .toList();
    }

    @Test
    void leadsByStatusSourceAssigneeAndArchiveStateNewestFirst() {
        long agent = seed.user(workspace, "agent-" + workspace + "@shop.example");
        long newDm = seed.lead(workspace, LeadStatus.NEW, "AI", 1);
        long newManual = seed.lead(workspace, LeadStatus.NEW, "MANUAL", 2);
        long lost = seed.lead(workspace, LeadStatus.LOST, "AI", 3);
        long legacy = seed.legacyLead(workspace, "ARCHIVED_2023", 4); // a value nobody listed: no design status
        long archived = seed.lead(workspace, LeadStatus.CONVERTED, "MANUAL", 5);
        dsl.update(LEADS).set(LEADS.ARCHIVED_AT, Seed.NOW).where(LEADS.ID.eq(archived)).execute();
        long deleted = seed.lead(workspace, LeadStatus.NEW, "MANUAL", 6);
        dsl.update(LEADS).set(LEADS.DELETED_AT, Seed.NOW).where(LEADS.ID.eq(deleted)).execute();
        new Assignments(dsl).assign(workspace, Assignable.LEAD, newManual, agent);

        assertThat(leadIds(LeadFilter.active())).containsExactly(newDm, newManual, lost, legacy);
        assertThat(leadIds(LeadFilter.active().withStatuses(LeadStatus.NEW))).containsExactly(newDm, newManual);
        assertThat(leadIds(LeadFilter.active().withSources("AI"))).containsExactly(newDm, lost);
        assertThat(leadIds(LeadFilter.active().withStatuses(LeadStatus.NEW, LeadStatus.LOST).withSources("AI")))
                .containsExactly(newDm, lost);
        assertThat(leadIds(LeadFilter.active().withAssignee(AssigneeFilter.user(agent)))).containsExactly(newManual);
        assertThat(leadIds(LeadFilter.active().withView(ArchiveView.ARCHIVED))).containsExactly(archived);

        StatusCounts<LeadStatus> counts = new LeadQuery(dsl).countByStatus(workspace, ArchiveView.ACTIVE);
        assertThat(counts.of(LeadStatus.NEW)).isEqualTo(2);
        assertThat(counts.of(LeadStatus.LOST)).isEqualTo(1);
        assertThat(counts.of(LeadStatus.CONVERTED)).isZero();
        assertThat(counts.unset()).isEqualTo(1);
    }

    @Test
    void ordersByOrderStatusAndPaymentStatusIndependentlyOrTogether() {
        long shippedUnpaid = seed.order(workspace, OrderStatus.SHIPPED, PaymentStatus.UNPAID, 1);
        long shippedPaid = seed.order(workspace, OrderStatus.SHIPPED, PaymentStatus.PAID, 2);
        long cancelledPaid = seed.order(workspace, OrderStatus.CANCELLED, PaymentStatus.PAID, 3);
        long pendingUnknown = seed.order(workspace, OrderStatus.NEW, null, 4);

        assertThat(orderIds(OrderFilter.active().withStatuses(OrderStatus.SHIPPED)))
                .containsExactly(shippedUnpaid, shippedPaid);
        assertThat(orderIds(OrderFilter.active().withPaymentStatuses(PaymentStatus.PAID)))
                .containsExactly(shippedPaid, cancelledPaid);
        assertThat(orderIds(OrderFilter.active().withStatuses(OrderStatus.SHIPPED)
                .withPaymentStatuses(PaymentStatus.PAID))).containsExactly(shippedPaid);
        assertThat(orderIds(OrderFilter.active())).containsExactly(shippedUnpaid, shippedPaid, cancelledPaid,
                pendingUnknown);

        OrderQuery orders = new OrderQuery(dsl);
        assertThat(orders.countByStatus(workspace, ArchiveView.ACTIVE).of(OrderStatus.SHIPPED)).isEqualTo(2);
        StatusCounts<PaymentStatus> payment = orders.countByPaymentStatus(workspace, ArchiveView.ACTIVE);
        assertThat(payment.of(PaymentStatus.PAID)).isEqualTo(2);
        assertThat(payment.of(PaymentStatus.UNPAID)).isEqualTo(1);
        assertThat(payment.unset()).isEqualTo(1);
    }

    @Test
    void pagesThroughOrdersWithoutGapsOrRepeats() {
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            all.add(seed.order(workspace, OrderStatus.NEW, PaymentStatus.UNPAID, i / 4));
        }
        OrderQuery orders = new OrderQuery(dsl);
        List<Long> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(5);
        while (true) {
            Page<OrderRow> page = orders.page(workspace, OrderFilter.active(), request);
            page.rows().forEach(row -> seen.add(row.id()));
            if (page.nextCursor().isEmpty()) {
                break;
            }
            request = request.after(page.nextCursor().get());
        }
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
        assertThatThrownBy(() -> new LeadQuery(dsl).page(workspace, LeadFilter.active(),
                PageRequest.first(5).after(orders.page(workspace, OrderFilter.active(), PageRequest.first(5))
                        .nextCursor().orElseThrow())))
                .as("an orders cursor is not a leads cursor").isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void intentVerdictsAreStoredTogetherAndNeverOverwrittenByOlderOnes() {
        long conversation = seed.conversation(workspace, "INSTAGRAM", 1).getId();
        ConversationIntent intent = new ConversationIntent(dsl);

        assertThat(intent.record(workspace, conversation, IntentLabel.BROWSING, new BigDecimal("0.81"),
                Seed.NOW)).isEqualTo(new Transition<>(true, IntentLabel.BROWSING));
        assertThat(intent.record(workspace, conversation, IntentLabel.SPAM, new BigDecimal("0.99"),
                Seed.NOW.minusMinutes(1))).as("older verdict").isEqualTo(new Transition<>(false, IntentLabel.BROWSING));
        var stored = dsl.select(CONVERSATIONS.INTENT_LABEL_ENUM, CONVERSATIONS.INTENT_CONFIDENCE,
                CONVERSATIONS.INTENT_EVALUATED_AT).from(CONVERSATIONS).where(CONVERSATIONS.ID.eq(conversation))
                .fetchOne();
        assertThat(stored.value1()).isEqualTo(IntentLabel.BROWSING);
        assertThat(stored.value2()).isEqualByComparingTo("0.81");
        assertThat(stored.value3()).isEqualTo(Seed.NOW);

        assertThatThrownBy(() -> intent.record(workspace, conversation, IntentLabel.SPAM, new BigDecimal("1.5"),
                Seed.NOW)).isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("confidence:");
        assertThatThrownBy(() -> intent.record(workspace, conversation, IntentLabel.SPAM, new BigDecimal("0.12345"),
                Seed.NOW)).hasMessageContaining("at most four decimals");
    }

}

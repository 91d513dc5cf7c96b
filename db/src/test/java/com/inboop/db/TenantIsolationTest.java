package com.inboop.db;

import static com.inboop.db.schema.Tables.CONVERSATIONS;
import static com.inboop.db.schema.Tables.LEADS;
import static com.inboop.db.schema.Tables.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.db.assignment.Assignable;
import com.inboop.db.assignment.Assignments;
import com.inboop.db.inbox.ConversationIntent;
import com.inboop.db.inbox.InboxFilter;
import com.inboop.db.inbox.InboxQuery;
import com.inboop.db.inbox.InboxRow;
import com.inboop.db.internal.sql.WorkspaceScope;
import com.inboop.db.lead.LeadFilter;
import com.inboop.db.lead.LeadLifecycle;
import com.inboop.db.lead.LeadQuery;
import com.inboop.db.lead.LeadRow;
import com.inboop.db.list.ArchiveView;
import com.inboop.db.list.AssigneeFilter;
import com.inboop.db.list.PageRequest;
import com.inboop.db.order.OrderFilter;
import com.inboop.db.order.OrderQuery;
import com.inboop.db.order.OrderRow;
import com.inboop.db.schema.enums.IntentLabel;
import com.inboop.db.schema.enums.LeadStatus;
import com.inboop.db.schema.enums.OrderStatus;
import com.inboop.db.schema.enums.PaymentStatus;

/**
 * Two workspaces with look-alike data (same channels, handles, statuses, assignee emails): no entry point, called
 * for one workspace, returns or changes a row of the other.
 */
@ExtendWith(MigratedDatabaseExtension.class)
class TenantIsolationTest {

    private final DSLContext dsl;
    private final Seed seed;

    private record Tenant(long workspace, long user, long conversation, long lead, long order) {
    }

    private Tenant mine;
    private Tenant theirs;

    TenantIsolationTest(TestDatabase database) {
        this.dsl = Seed.dsl(database);
        this.seed = new Seed(dsl);
    }

    private Tenant tenant() {
        long workspace = seed.workspace("Look-alike Boutique");
        long user = seed.user(workspace, "agent@boutique.example");
        long conversation = seed.update(seed.conversation(workspace, "INSTAGRAM", 1), c -> {
            c.setCustomerHandle("same.customer");
            c.setUnreadCount(1);
            c.setAssignedToUserId(user);
            c.setIntentLabelEnum(IntentLabel.BUYING);
        }).getId();
        long lead = seed.lead(workspace, LeadStatus.NEW, "AI", 1);
        long order = seed.order(workspace, OrderStatus.NEW, PaymentStatus.UNPAID, 1);
        return new Tenant(workspace, user, conversation, lead, order);
    }

    @BeforeEach
    void twoTenants() {
        mine = tenant();
        theirs = tenant();
    }

    private Result<Record> snapshot() {
        Result<Record> rows = dsl.select().from(CONVERSATIONS).where(WorkspaceScope.ownsBusiness(theirs.workspace(), CONVERSATIONS.BUSINESS_ID))
                .fetch();
        rows.addAll(dsl.select().from(LEADS).where(WorkspaceScope.ownsBusiness(theirs.workspace(), LEADS.BUSINESS_ID)).fetch());
        rows.addAll(dsl.select().from(ORDERS).where(WorkspaceScope.ownsBusiness(theirs.workspace(), ORDERS.BUSINESS_ID)).fetch());
        return rows;
    }

    @Test
    void listsAndCountsReturnOnlyTheCallersRows() {
        List<Long> conversations = new InboxQuery(dsl).page(mine.workspace(), InboxFilter.active(), PageRequest.first())
                .rows().stream().map(InboxRow::conversationId).toList();
        List<Long> leads = new LeadQuery(dsl).page(mine.workspace(), LeadFilter.active(), PageRequest.first())
                .rows().stream().map(LeadRow::id).toList();
        List<Long> orders = new OrderQuery(dsl).page(mine.workspace(), OrderFilter.active(), PageRequest.first())
                .rows().stream().map(OrderRow::id).toList();

        assertThat(conversations).containsExactly(mine.conversation());
        assertThat(leads).containsExactly(mine.lead());
        assertThat(orders).containsExactly(mine.order());
        assertThat(new InboxQuery(dsl).tabCounts(mine.workspace(), mine.user()).active()).isEqualTo(1);
        assertThat(new InboxQuery(dsl).page(mine.workspace(),
                InboxFilter.active().withAssignee(AssigneeFilter.user(theirs.user())), PageRequest.first()).rows())
                .isEmpty();
        assertThat(new LeadQuery(dsl).countByStatus(mine.workspace(), ArchiveView.ACTIVE).of(LeadStatus.NEW))
                .isEqualTo(1);
        assertThat(new OrderQuery(dsl).countByPaymentStatus(mine.workspace(), ArchiveView.ACTIVE)
                .of(PaymentStatus.UNPAID)).isEqualTo(1);
        assertThat(new Assignments(dsl).workload(mine.workspace()))
                .as("the workspace's member and owner, nobody of the other workspace")
                .hasSize(2).extracting(w -> w.userId()).contains(mine.user()).doesNotContain(theirs.user());
    }

    @Test
    void noMutationReachesAnotherWorkspacesRows() {
        Result<Record> before = snapshot();
        InboxQuery inbox = new InboxQuery(dsl);
        Assignments assignments = new Assignments(dsl);
        List<Consumer<Tenant>> attempts = List.of(
                t -> inbox.archive(mine.workspace(), t.conversation()),
                t -> inbox.unarchive(mine.workspace(), t.conversation()),
                t -> inbox.softDelete(mine.workspace(), t.conversation()),
                t -> assignments.assign(mine.workspace(), Assignable.CONVERSATION, t.conversation(), mine.user()),
                t -> assignments.claim(mine.workspace(), Assignable.LEAD, t.lead(), mine.user()),
                t -> assignments.unassign(mine.workspace(), Assignable.CONVERSATION, t.conversation()),
                t -> assignments.assign(mine.workspace(), Assignable.ORDER, t.order(), mine.user()),
                t -> new LeadLifecycle(dsl).changeStatus(mine.workspace(), t.lead(), LeadStatus.NEW, LeadStatus.LOST),
                t -> new ConversationIntent(dsl).record(mine.workspace(), t.conversation(), IntentLabel.SPAM,
                        BigDecimal.ONE, Seed.NOW));

        for (Consumer<Tenant> attempt : attempts) {
            assertThatThrownBy(() -> attempt.accept(theirs)).isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> assignments.assign(mine.workspace(), Assignable.CONVERSATION, mine.conversation(),
                theirs.user())).isInstanceOf(InvalidRequestException.class);

        assertThat(snapshot()).isEqualTo(before);
    }
}

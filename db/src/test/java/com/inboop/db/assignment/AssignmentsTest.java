package com.inboop.db.assignment;

import static com.inboop.db.schema.Tables.CONVERSATIONS;
import static com.inboop.db.schema.Tables.LEADS;
import static com.inboop.db.schema.Tables.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.db.InvalidRequestException;
import com.inboop.db.NotFoundException;
import com.inboop.db.Seed;
import com.inboop.db.lifecycle.Transition;
import com.inboop.db.schema.enums.LeadStatus;
import com.inboop.db.schema.enums.OrderStatus;
import com.inboop.db.schema.enums.PaymentStatus;

@ExtendWith(MigratedDatabaseExtension.class)
class AssignmentsTest {

    private final DSLContext dsl;
    private final Seed seed;
    private final Assignments assignments;
    private long workspace;
    private long alice;
    private long bob;

    AssignmentsTest(TestDatabase database) {
        this.dsl = Seed.dsl(database);
        this.seed = new Seed(dsl);
        this.assignments = new Assignments(dsl);
    }

    @BeforeEach
    void team() {
        workspace = seed.workspace("shop");
        alice = seed.user(workspace, "alice-" + workspace + "@shop.example");
        bob = seed.user(workspace, "bob-" + workspace + "@shop.example");
    }

    private long item(Assignable kind) {
        return switch (kind) {
            case CONVERSATION -> seed.conversation(workspace, "INSTAGRAM", 1).getId();
            case LEAD -> seed.lead(workspace, LeadStatus.NEW, "AI", 1);
            case ORDER -> seed.order(workspace, OrderStatus.NEW, PaymentStatus.UNPAID, 1);
        };
    }

    private Long assignee(Assignable kind, long id) {
        return switch (kind) {
            case CONVERSATION -> dsl.select(CONVERSATIONS.ASSIGNED_TO_USER_ID).from(CONVERSATIONS)
                    .where(CONVERSATIONS.ID.eq(id)).fetchOne().value1();
            case LEAD -> dsl.select(LEADS.ASSIGNED_TO_USER_ID).from(LEADS).where(LEADS.ID.eq(id)).fetchOne().value1();
            case ORDER -> dsl.select(ORDERS.ASSIGNED_TO_USER_ID).from(ORDERS).where(ORDERS.ID.eq(id)).fetchOne()
                    .value1();
        };
    }

    @ParameterizedTest
    @EnumSource(Assignable.class)
    void assignsReassignsAndUnassigns(Assignable kind) {
        long id = item(kind);

        assignments.assign(workspace, kind, id, alice);
        assertThat(assignee(kind, id)).isEqualTo(alice);
        assignments.assign(workspace, kind, id, bob);
        assertThat(assignee(kind, id)).isEqualTo(bob);
        assertThat(assignments.unassign(workspace, kind, id)).isEqualTo(new Transition<>(true, null));
        assertThat(assignee(kind, id)).isNull();
        assertThat(assignments.unassign(workspace, kind, id)).as("already unassigned")
                .isEqualTo(new Transition<>(false, null));
    }

    @ParameterizedTest
    @EnumSource(Assignable.class)
    void refusesAnAssigneeFromAnotherWorkspace(Assignable kind) {
        long id = item(kind);
        long stranger = seed.user(seed.workspace("elsewhere"), "stranger-" + id + "@else.example");

        assertThatThrownBy(() -> assignments.assign(workspace, kind, id, stranger))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("userId: user " + stranger + " is not a member of workspace " + workspace
                        + "; only the workspace's own users can be assigned");
        assertThat(assignee(kind, id)).isNull();
    }

    @ParameterizedTest
    @EnumSource(Assignable.class)
    void exactlyOneOfManyConcurrentClaimsWins(Assignable kind) throws Exception {
        long id = item(kind);
        List<Long> agents = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            agents.add(seed.user(workspace, "agent" + i + "-" + id + "@shop.example"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(agents.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> claims = new ArrayList<>();
            for (long agent : agents) {
                Callable<Boolean> claim = () -> {
                    start.await();
                    return assignments.claim(workspace, kind, id, agent).applied();
                };
                claims.add(pool.submit(claim));
            }
            start.countDown();
            List<Long> winners = new ArrayList<>();
            for (int i = 0; i < claims.size(); i++) {
                if (claims.get(i).get()) {
                    winners.add(agents.get(i));
                }
            }

            assertThat(winners).hasSize(1);
            assertThat(assignee(kind, id)).isEqualTo(winners.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClaimOnAnAssignedItemLosesWithoutChangingIt() {
        long id = item(Assignable.CONVERSATION);
        assignments.assign(workspace, Assignable.CONVERSATION, id, alice);

        assertThat(assignments.claim(workspace, Assignable.CONVERSATION, id, bob)).as("alice has it")
                .isEqualTo(new Transition<>(false, alice));
        assertThat(assignee(Assignable.CONVERSATION, id)).isEqualTo(alice);
    }

    @Test
    void anotherWorkspacesItemIsNotFound() {
        long foreign = new Seed(dsl).conversation(seed.workspace("elsewhere"), "INSTAGRAM", 1).getId();

        assertThatThrownBy(() -> assignments.assign(workspace, Assignable.CONVERSATION, foreign, alice))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("conversation " + foreign + " does not exist in workspace " + workspace + " (or was deleted)");
        assertThat(assignee(Assignable.CONVERSATION, foreign)).isNull();
    }

    @Test
    void workloadCountsOpenItemsPerAgentOfTheWorkspace() {
        assignments.assign(workspace, Assignable.CONVERSATION, item(Assignable.CONVERSATION), alice);
        assignments.assign(workspace, Assignable.CONVERSATION, item(Assignable.CONVERSATION), alice);
        long archived = item(Assignable.CONVERSATION);
        assignments.assign(workspace, Assignable.CONVERSATION, archived, alice);
        new com.inboop.db.inbox.InboxQuery(dsl).archive(workspace, archived);
        assignments.assign(workspace, Assignable.LEAD, item(Assignable.LEAD), alice);
        long converted = seed.lead(workspace, LeadStatus.CONVERTED, "MANUAL", 1);
        assignments.assign(workspace, Assignable.LEAD, converted, alice);
        assignments.assign(workspace, Assignable.ORDER, item(Assignable.ORDER), bob);
        long delivered = seed.order(workspace, OrderStatus.DELIVERED, PaymentStatus.PAID, 1);
        assignments.assign(workspace, Assignable.ORDER, delivered, bob);
        long carol = seed.user(workspace, "carol-" + workspace + "@shop.example");

        List<Workload> workload = assignments.workload(workspace);

        assertThat(workload).as("members, then the owner with nothing assigned").hasSize(4)
                .containsSubsequence(new Workload(alice, 2, 1, 0), new Workload(bob, 0, 0, 1),
                        new Workload(carol, 0, 0, 0))
                .filteredOn(w -> w.userId() != alice && w.userId() != bob && w.userId() != carol)
                .singleElement().extracting(Workload::total).isEqualTo(0L);
    }
}

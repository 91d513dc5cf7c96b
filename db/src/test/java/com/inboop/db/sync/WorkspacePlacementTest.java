package com.inboop.db.sync;

import static com.inboop.db.schema.Tables.BUSINESSES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.codegen.postgres.ThrowawayDatabase;
import com.inboop.db.inbox.InboxFilter;
import com.inboop.db.inbox.InboxQuery;
import com.inboop.db.inbox.InboxRow;
import com.inboop.db.internal.backfill.BackfillOptions;
import com.inboop.db.internal.backfill.BackfillRunner;
import com.inboop.db.internal.backfill.BackfillSummary;
import com.inboop.db.internal.backfill.BusinessWorkspaceBackfill;
import com.inboop.db.lead.LeadFilter;
import com.inboop.db.lead.LeadQuery;
import com.inboop.db.lead.LeadRow;
import com.inboop.db.list.ArchiveView;
import com.inboop.db.list.PageRequest;
import com.inboop.db.migration.InboopMigrations;
import com.inboop.db.order.OrderFilter;
import com.inboop.db.order.OrderQuery;
import com.inboop.db.order.OrderRow;
import com.inboop.db.replica.BackendWrites;
import com.inboop.db.replica.ProductionReplica;

/**
 * Production's businesses all have workspace_id NULL (no backend code writes it; the backend scopes a business by its
 * owner), and every business the backend creates will too; inboop-db scopes every list by workspace. After migrate
 * each workspace lists the rows of the businesses its owner owns, a business the backend creates afterwards shows at
 * once, an owner of several workspaces is reported and never guessed, and no row shows in two workspaces. On replicas
 * A and B: Asha owns workspace 1 and businesses 1 and 2; Old Admin workspace 2 and business 3; Dev workspaces 3 and 4
 * and business 4; Neha no workspace and business 5.
 */
@ExtendWith(MigratedDatabaseExtension.class)
class WorkspacePlacementTest {

    @ParameterizedTest
    @EnumSource(value = ProductionReplica.State.class, names = {"HISTORY_ONLY", "HIBERNATE_DRIFT"})
    void everyWorkspaceListsItsOwnersBusinessesFromTheFirstDeployAndNewOnesAtOnce(ProductionReplica.State state,
                                                                                  TestDatabase server) {
        try (ThrowawayDatabase replica = server.newEmptyDatabase()) {
            DataSource dataSource = replica.target().dataSource();
            ProductionReplica.build(dataSource, state);
            BackendWrites backend = new BackendWrites(dataSource, ProductionReplica.columns(dataSource));
            DSLContext dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
            assertThat(dsl.fetchCount(BUSINESSES, BUSINESSES.WORKSPACE_ID.isNotNull())).as("as production").isZero();

            InboopMigrations.migrate(dataSource);

            Lists lists = new Lists(dsl);
            assertThat(lists.inbox(1)).containsExactlyInAnyOrder(1L, 2L, 5L, 6L, 7L);
            assertThat(lists.leads(1)).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 6L, 7L, 8L, 9L, 10L);
            assertThat(lists.orders(1)).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 7L, 8L, 10L);
            assertThat(new InboxQuery(dsl).tabCounts(1, 1).active()).isEqualTo(5);
            assertThat(new LeadQuery(dsl).countByStatus(1, ArchiveView.ACTIVE).unset()).isEqualTo(1);
            lists.assertNothingShownTwice(1, 2, 3, 4);

            // The backend creates a business for Asha (no workspace_id: no entity maps it) and its first conversation.
            long business = backend.insert("businesses", business(1, "Asha Crafts FB"));
            long conversation = backend.insert("conversations", conversation(business));
            assertThat(lists.inbox(1)).contains(conversation);

            // Dev owns two workspaces: his business is in neither, and reported.
            assertThat(placement(dsl, 4)).isNull();
            BackfillSummary report = new BackfillRunner(dsl, line -> { })
                    .run(new BusinessWorkspaceBackfill(), BackfillOptions.defaults());
            assertThat(report.changed()).as("every placeable business is placed already").isZero();
            assertThat(report.unresolvedByValue()).containsExactly(entry("owner 4 owns workspaces 3, 4", 1L),
                    entry("owner 5 owns no workspace", 1L));
            long devsConversation = backend.insert("conversations", conversation(4));
            lists.assertNothingShownTwice(1, 2, 3, 4);
            assertThat(lists.inbox(3)).doesNotContain(devsConversation);
            assertThat(lists.inbox(4)).doesNotContain(devsConversation);

            // Dev deletes one of them: his business joins the one left. Neha creates her first: hers joins it.
            backend.update("workspaces", 4, Map.of("deleted_at", LocalDateTime.of(2025, 8, 1, 0, 0)));
            assertThat(placement(dsl, 4)).isEqualTo(3L);
            assertThat(lists.inbox(3)).contains(devsConversation);
            long nehas = backend.insert("workspaces", Map.of("name", "Neha's", "plan", "PRO", "owner_id", 5L));
            assertThat(placement(dsl, 5)).isEqualTo(nehas);
            // A business someone took out of a workspace on purpose stays out, whatever the backend writes to it.
            dsl.update(BUSINESSES).set(BUSINESSES.WORKSPACE_ID, (Long) null).where(BUSINESSES.ID.eq(3L)).execute();
            backend.update("businesses", 3, Map.of("name", "Old Admin shop, renamed"));
            assertThat(placement(dsl, 3)).isNull();
            lists.assertNothingShownTwice(1, 2, 3, 4, nehas);
        }
    }

    private static Long placement(DSLContext dsl, long businessId) {
        return dsl.select(BUSINESSES.WORKSPACE_ID).from(BUSINESSES).where(BUSINESSES.ID.eq(businessId))
                .fetchOne(BUSINESSES.WORKSPACE_ID);
    }

    private static Map<String, Object> business(long ownerId, String name) {
        Map<String, Object> business = new HashMap<>();
        business.put("name", name);
        business.put("owner_id", ownerId);
        business.put("is_active", true);
        business.put("created_at", LocalDateTime.of(2025, 7, 1, 10, 0));
        return business;
    }

    private static Map<String, Object> conversation(long businessId) {
        Map<String, Object> conversation = new HashMap<>();
        conversation.put("business_id", businessId);
        conversation.put("channel", "INSTAGRAM");
        conversation.put("customer_handle", "new.customer." + businessId);
        conversation.put("last_message", "hello");
        conversation.put("unread_count", 1);
        conversation.put("last_message_at", LocalDateTime.of(2025, 7, 2, 10, 0));
        conversation.put("created_at", LocalDateTime.of(2025, 7, 2, 10, 0));
        return conversation;
    }

    /** Each workspace's three lists, every row of them (all views), as ids. */
    private record Lists(DSLContext dsl) {

        List<Long> inbox(long workspace) {
            return new InboxQuery(dsl).page(workspace, InboxFilter.active(), PageRequest.first(200)).rows().stream()
                    .map(InboxRow::conversationId).toList();
        }

        List<Long> leads(long workspace) {
            return new LeadQuery(dsl).page(workspace, LeadFilter.active(), PageRequest.first(200)).rows().stream()
                    .map(LeadRow::id).toList();
        }

        List<Long> orders(long workspace) {
            return new OrderQuery(dsl).page(workspace, OrderFilter.active(), PageRequest.first(200)).rows().stream()
                    .map(OrderRow::id).toList();
        }

        void assertNothingShownTwice(long... workspaces) {
            List<Long> conversations = new ArrayList<>();
            List<Long> leads = new ArrayList<>();
            List<Long> orders = new ArrayList<>();
            for (long workspace : workspaces) {
                conversations.addAll(new InboxQuery(dsl).page(workspace, InboxFilter.active()
                        .withView(ArchiveView.ALL), PageRequest.first(200)).rows().stream()
                        .map(InboxRow::conversationId).toList());
                leads.addAll(new LeadQuery(dsl).page(workspace, LeadFilter.active().withView(ArchiveView.ALL),
                        PageRequest.first(200)).rows().stream().map(LeadRow::id).toList());
                orders.addAll(new OrderQuery(dsl).page(workspace, OrderFilter.active().withView(ArchiveView.ALL),
                        PageRequest.first(200)).rows().stream().map(OrderRow::id).toList());
            }
            assertThat(conversations).doesNotHaveDuplicates();
            assertThat(leads).doesNotHaveDuplicates();
            assertThat(orders).doesNotHaveDuplicates();
        }
    }
}

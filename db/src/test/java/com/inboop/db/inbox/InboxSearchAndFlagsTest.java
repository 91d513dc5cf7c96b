package com.inboop.db.inbox;

import static com.inboop.db.schema.Tables.CONVERSATIONS;
import static com.inboop.db.schema.Tables.LEADS;
import static com.inboop.db.schema.Tables.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import com.inboop.db.internal.backfill.BackfillOptions;
import com.inboop.db.internal.backfill.BackfillRunner;
import com.inboop.db.internal.backfill.MessageBusinessBackfill;
import com.inboop.db.list.ArchiveView;
import com.inboop.db.list.Page;
import com.inboop.db.list.PageRequest;
import com.inboop.db.list.TextSearch;
import com.inboop.db.list.YesNo;
import com.inboop.db.schema.enums.LeadStatus;
import com.inboop.db.schema.tables.records.ConversationsRecord;

/**
 * The inbox's search and its yes/no filters, each checked against a look-alike workspace holding the same names,
 * handles and messages, which must never show.
 */
@ExtendWith(MigratedDatabaseExtension.class)
class InboxSearchAndFlagsTest {

    private final DSLContext dsl;
    private final Seed seed;
    private final InboxQuery inbox;
    private long workspace;
    private long lookalike;
    private long agent;

    InboxSearchAndFlagsTest(TestDatabase database) {
        this.dsl = Seed.dsl(database);
        this.seed = new Seed(dsl);
        this.inbox = new InboxQuery(dsl);
    }

    @BeforeEach
    void twoLookAlikeWorkspaces() {
        workspace = seed.workspace("shop");
        lookalike = seed.workspace("shop");
        agent = seed.user(workspace, "agent@shop.example");
    }

    private List<Long> ids(InboxFilter filter) {
        return inbox.page(workspace, filter, PageRequest.first(200)).rows().stream()
                .map(InboxRow::conversationId).toList();
    }

    /** The same conversation in both workspaces; returns the one in {@code workspace}. */
    private ConversationsRecord twin(int minutesAgo, String name, String handle, String message) {
        ConversationsRecord mine = null;
        for (long ws : new long[] {lookalike, workspace}) {
            mine = seed.update(seed.conversation(ws, "INSTAGRAM", minutesAgo), c -> c.setCustomerName(name)
                    .setCustomerHandle(handle));
            if (message != null) {
                seed.message(mine.getId(), message, minutesAgo);
            }
        }
        return mine;
    }

    @Test
    void searchFindsTheCustomersNameHandleOrAnyMessageIgnoringCase() {
        long byName = twin(1, "Priya Sharma", "p.sharma", null).getId();
        long byHandle = twin(2, "Someone", "red_dress_lover", null).getId();
        long byInbound = twin(3, "Other", "other", "Do you have the RED DRESS in size M?").getId();
        ConversationsRecord byOutbound = twin(4, "Outbound", "outbound", null);
        dsl.insertInto(com.inboop.db.schema.Tables.MESSAGES).set(com.inboop.db.schema.Tables.MESSAGES.CONVERSATION_ID,
                        byOutbound.getId()).set(com.inboop.db.schema.Tables.MESSAGES.SENDER_ID, "business")
                .set(com.inboop.db.schema.Tables.MESSAGES.IS_FROM_CUSTOMER, false)
                .set(com.inboop.db.schema.Tables.MESSAGES.ORIGINAL_TEXT, "The red dress ships tomorrow")
                .set(com.inboop.db.schema.Tables.MESSAGES.SENT_AT, Seed.NOW).execute();
        twin(5, "Nothing", "nothing", "hello");

        assertThat(ids(InboxFilter.active().withSearch("red dress"))).containsExactly(byInbound, byOutbound.getId());
        assertThat(ids(InboxFilter.active().withSearch("red_dress"))).containsExactly(byHandle);
        assertThat(ids(InboxFilter.active().withSearch("PRIYA"))).containsExactly(byName);
        assertThat(ids(InboxFilter.active().withSearch("sharma"))).containsExactly(byName);
    }

    @Test
    void searchTreatsWildcardsAsPlainCharacters() {
        long percent = twin(1, "100% cotton", "a", null).getId();
        twin(2, "100 cotton", "b", null);
        long underscore = twin(3, "x", "a_b_c", null).getId();
        twin(4, "x", "aXbXc", null);
        long backslash = twin(5, "back\\slash", "c", null).getId();

        assertThat(ids(InboxFilter.active().withSearch("0% c"))).containsExactly(percent);
        assertThat(ids(InboxFilter.active().withSearch("a_b_c"))).containsExactly(underscore);
        assertThat(ids(InboxFilter.active().withSearch("k\\s"))).containsExactly(backslash);
        assertThat(ids(InboxFilter.active().withSearch("it's"))).isEmpty();
    }

    @Test
    void searchSkipsDeletedConversationsAndSeesArchivedOnesOnlyWhenAsked() {
        long active = twin(1, "Anna Bell", "anna1", null).getId();
        long archived = twin(2, "Anna Bell", "anna2", null).getId();
        long deleted = twin(3, "Anna Bell", "anna3", null).getId();
        inbox.archive(workspace, archived);
        inbox.softDelete(workspace, deleted);

        assertThat(ids(InboxFilter.active().withSearch("anna bell"))).containsExactly(active);
        assertThat(ids(InboxFilter.active().withSearch("anna bell").withView(ArchiveView.ALL)))
                .containsExactly(active, archived);
        assertThat(ids(InboxFilter.active().withSearch("anna bell").withView(ArchiveView.ARCHIVED)))
                .containsExactly(archived);
    }

    /** More "Bulk Customer" conversations, all newer than the test's own, than a search reads in list order. */
    private void moreRecentConversationsThanTheSearchWindow() {
        int many = com.inboop.db.internal.list.Keyset.SEARCH_WINDOW + 200;
        dsl.execute("INSERT INTO conversations (business_id, channel, instagram_conversation_id, customer_handle, "
                + "customer_name, last_message_at) SELECT " + seed.businessOf(workspace) + ", 'INSTAGRAM', "
                + "'bulk-" + workspace + "-' || g, 'bulk' || g, 'Bulk Customer', timestamp '2026-11-25 12:00' - g * interval '1 second' "
                + "FROM generate_series(1, " + many + ") g");
    }

    @Test
    void aRareTermBeyondTheFirstThousandConversationsIsFoundThroughTheIndexes() {
        moreRecentConversationsThanTheSearchWindow();
        long oldest = twin(100_000, "Zelda Quinn", "zq", null).getId();
        long oldestByMessage = twin(100_001, "Y", "y", "tracking zelda-quinn-42").getId();
        // A common term fills the page from the first conversations it reads.
        List<InboxRow> common = inbox.page(workspace, InboxFilter.active().withSearch("bulk customer"),
                PageRequest.first(50)).rows();

        assertThat(ids(InboxFilter.active().withSearch("zelda"))).containsExactly(oldest, oldestByMessage);
        assertThat(common).hasSize(50).allSatisfy(row -> assertThat(row.customerName()).isEqualTo("Bulk Customer"));
    }

    @Test
    void aMessageWrittenBeforeItsBusinessWasCarriedIsFoundBeforeAndAfterTheJobFillsIt() {
        moreRecentConversationsThanTheSearchWindow();
        long unfilled = twin(100_000, "Y", "y", "parcel code kq-77").getId();
        long filled = twin(100_001, "Z", "z", "parcel code kq-78").getId();
        // As production's messages are after the migration: business_id NULL (the triggers came later).
        dsl.transaction(tx -> {
            tx.dsl().execute("SET LOCAL session_replication_role = replica");
            tx.dsl().update(MESSAGES).setNull(MESSAGES.BUSINESS_ID)
                    .where(MESSAGES.ORIGINAL_TEXT.eq("parcel code kq-77")).execute();
        });
        assertThat(dsl.fetchCount(MESSAGES, MESSAGES.BUSINESS_ID.isNull())).as("both twins' messages").isEqualTo(2);

        assertThat(ids(InboxFilter.active().withSearch("parcel code"))).containsExactly(unfilled, filled);

        new BackfillRunner(dsl, line -> { }).run(new MessageBusinessBackfill(), BackfillOptions.defaults());

        assertThat(dsl.fetchCount(MESSAGES, MESSAGES.BUSINESS_ID.isNull())).isZero();
        assertThat(ids(InboxFilter.active().withSearch("parcel code"))).containsExactly(unfilled, filled);
    }

    @Test
    void facebookAlsoFindsTheBackendsMessengerRows() {
        long messenger = seed.conversation(workspace, "MESSENGER", 1).getId();
        long facebook = seed.conversation(workspace, "FACEBOOK", 2).getId();
        seed.conversation(workspace, "INSTAGRAM", 3);
        seed.conversation(lookalike, "MESSENGER", 1);

        assertThat(ids(InboxFilter.active().withChannels("FACEBOOK"))).containsExactly(messenger, facebook);
    }

    @Test
    void hasANewLeadCountsLegacyOpenStatusesButNotDeletedOrFinalLeads() {
        long withNew = seed.conversation(workspace, "INSTAGRAM", 1).getId();
        long withContacted = seed.conversation(workspace, "INSTAGRAM", 2).getId();
        long withDeletedNew = seed.conversation(workspace, "INSTAGRAM", 3).getId();
        long withClosed = seed.conversation(workspace, "INSTAGRAM", 4).getId();
        long without = seed.conversation(workspace, "INSTAGRAM", 5).getId();
        leadIn(withNew, LeadStatus.NEW, "NEW", false);
        leadIn(withContacted, null, "CONTACTED", false);
        leadIn(withDeletedNew, LeadStatus.NEW, "NEW", true);
        leadIn(withClosed, LeadStatus.CLOSED, "CLOSED", false);
        long lookalikeConversation = seed.conversation(lookalike, "INSTAGRAM", 1).getId();
        leadIn(lookalikeConversation, LeadStatus.NEW, "NEW", false);

        assertThat(ids(InboxFilter.active().withHasNewLead(YesNo.YES))).containsExactly(withNew, withContacted);
        assertThat(ids(InboxFilter.active().withHasNewLead(YesNo.NO)))
                .containsExactly(withDeletedNew, withClosed, without);
    }

    private void leadIn(long conversation, LeadStatus typed, String legacy, boolean deleted) {
        long business = dsl.select(CONVERSATIONS.BUSINESS_ID).from(CONVERSATIONS).where(CONVERSATIONS.ID.eq(conversation))
                .fetchSingle().value1();
        dsl.insertInto(LEADS).set(LEADS.BUSINESS_ID, business).set(LEADS.CONVERSATION_ID, conversation)
                .set(LEADS.INSTAGRAM_USER_ID, "ig").set(LEADS.STATUS, legacy).set(LEADS.STATUS_ENUM, typed)
                .set(LEADS.DELETED_AT, deleted ? Seed.NOW : null).execute();
    }

    @Test
    void hasOrdersReadsTheDenormalizedCount() {
        long withOrders = seed.update(seed.conversation(workspace, "INSTAGRAM", 1), c -> c.setOrderCount(2)).getId();
        long zero = seed.update(seed.conversation(workspace, "INSTAGRAM", 2), c -> c.setOrderCount(0)).getId();
        long uncounted = seed.update(seed.conversation(workspace, "INSTAGRAM", 3), c -> c.setOrderCount(null)).getId();

        assertThat(ids(InboxFilter.active().withHasOrders(YesNo.YES))).containsExactly(withOrders);
        assertThat(ids(InboxFilter.active().withHasOrders(YesNo.NO))).containsExactly(zero, uncounted);
        assertThat(ids(InboxFilter.active().withHasOrders(YesNo.ANY))).containsExactly(withOrders, zero, uncounted);
    }

    @Test
    void includingArchivedShowsBothInOneOrderAndNeverTheDeleted() {
        long active = seed.conversation(workspace, "INSTAGRAM", 3).getId();
        long archived = seed.conversation(workspace, "INSTAGRAM", 2).getId();
        long deleted = seed.conversation(workspace, "INSTAGRAM", 1).getId();
        inbox.archive(workspace, archived);
        inbox.softDelete(workspace, deleted);

        assertThat(ids(InboxFilter.active().withView(ArchiveView.ALL))).containsExactly(archived, active);
    }

    @Test
    void theUnreadBadgeCountsUnreadActiveConversationsOnly() {
        seed.update(seed.conversation(workspace, "INSTAGRAM", 1), c -> c.setUnreadCount(3));
        seed.update(seed.conversation(workspace, "INSTAGRAM", 2), c -> c.setUnreadCount(1));
        seed.update(seed.conversation(workspace, "INSTAGRAM", 3), c -> c.setUnreadCount(0));
        long archived = seed.update(seed.conversation(workspace, "INSTAGRAM", 4), c -> c.setUnreadCount(5)).getId();
        long deleted = seed.update(seed.conversation(workspace, "INSTAGRAM", 5), c -> c.setUnreadCount(5)).getId();
        inbox.archive(workspace, archived);
        inbox.softDelete(workspace, deleted);
        seed.update(seed.conversation(lookalike, "INSTAGRAM", 1), c -> c.setUnreadCount(9));

        assertThat(inbox.tabCounts(workspace, agent).unread()).isEqualTo(2);
    }

    @Test
    void tabCountsRefuseAUserOfAnotherWorkspace() {
        long stranger = seed.user(lookalike, "stranger@shop.example");

        assertThatThrownBy(() -> inbox.tabCounts(workspace, stranger)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("userId: user " + stranger + " is not a member of workspace " + workspace);
    }

    @Test
    void walkingSearchResultsWhileConversationsArriveSkipsNothingAndRepeatsNothing() {
        List<Long> existing = new ArrayList<>();
        for (int i = 0; i < 35; i++) {
            existing.add(twin(1000 + (i % 5), "Match " + i, "m" + i, null).getId());
            twin(1000 + (i % 5), "Other " + i, "o" + i, null);
        }
        List<Long> seen = new ArrayList<>();
        InboxFilter filter = InboxFilter.active().withSearch("match");
        PageRequest request = PageRequest.first(8);
        int minutes = 0;
        while (true) {
            Page<InboxRow> page = inbox.page(workspace, filter, request);
            page.rows().forEach(row -> seen.add(row.conversationId()));
            twin(minutes++, "Match new", "n", null);
            twin(1002, "Match tie", "t", null);
            if (page.nextCursor().isEmpty()) {
                break;
            }
            request = request.after(page.nextCursor().get());
        }

        assertThat(seen).doesNotHaveDuplicates().containsAll(existing);
    }

    @Test
    void everyBadArgumentIsRefusedBeforeAnySqlRuns() {
        assertThatThrownBy(() -> inbox.page(workspace, null, PageRequest.first()))
                .isInstanceOf(InvalidRequestException.class).hasMessage("filter: must not be null");
        assertThatThrownBy(() -> inbox.page(workspace, InboxFilter.active(), null))
                .isInstanceOf(InvalidRequestException.class).hasMessage("request: must not be null");
        assertThatThrownBy(() -> inbox.page(0, InboxFilter.active(), PageRequest.first()))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("workspaceId:");
        assertThatThrownBy(() -> InboxFilter.active().withSearch("ab"))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("search: must have at least 3 characters");
        assertThatThrownBy(() -> InboxFilter.active().withSearch((String) null))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("search: must not be null");
        assertThatThrownBy(() -> InboxFilter.active().withSearch((TextSearch) null))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("filter: search, channels");
        assertThatThrownBy(() -> InboxFilter.active().withHasOrders(null))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("filter:");
        assertThatThrownBy(() -> InboxFilter.active().withIntents(com.inboop.db.schema.enums.IntentLabel.BUYING, null))
                .isInstanceOf(InvalidRequestException.class).hasMessage("intents: must not be null");
        assertThatThrownBy(() -> InboxFilter.active().withChannels((String[]) null))
                .isInstanceOf(InvalidRequestException.class).hasMessage("channels: must not be null");
        assertThatThrownBy(() -> InboxFilter.active().withChannels("INSTA GRAM"))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("channels:");
    }
}

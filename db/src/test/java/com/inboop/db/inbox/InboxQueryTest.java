package com.inboop.db.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.inboop.codegen.junit.MigratedDatabaseExtension;
import com.inboop.codegen.junit.TestDatabase;
import com.inboop.db.InvalidRequestException;
import com.inboop.db.NotFoundException;
import com.inboop.db.Seed;
import com.inboop.db.list.ArchiveView;
import com.inboop.db.list.AssigneeFilter;
import com.inboop.db.list.Cursors;
import com.inboop.db.list.Page;
import com.inboop.db.list.PageRequest;
import com.inboop.db.list.QueryParameters;
import com.inboop.db.schema.enums.IntentLabel;
import com.inboop.db.schema.tables.records.ConversationsRecord;

@ExtendWith(MigratedDatabaseExtension.class)
class InboxQueryTest {

    private final DSLContext dsl;
    private final Seed seed;
    private final InboxQuery inbox;
    private long workspace;
    private long agent;

    InboxQueryTest(TestDatabase database) {
        this.dsl = Seed.dsl(database);
        this.seed = new Seed(dsl);
        this.inbox = new InboxQuery(dsl);
    }

    @BeforeEach
    void freshWorkspace() {
        workspace = seed.workspace("shop");
        agent = seed.user(workspace, "agent-" + workspace + "@shop.example");
    }

    private List<Long> ids(InboxFilter filter) {
        return inbox.page(workspace, filter, PageRequest.first(200)).rows().stream()
                .map(InboxRow::conversationId).toList();
    }

    @Test
    void listsMostRecentActivityFirstWithTheIdAsTiebreaker() {
        long older = seed.conversation(workspace, "INSTAGRAM", 30).getId();
        long tieLow = seed.conversation(workspace, "INSTAGRAM", 10).getId();
        long tieHigh = seed.conversation(workspace, "WHATSAPP", 10).getId();
        long newest = seed.conversation(workspace, "WHATSAPP", 1).getId();
        // No message yet: its creation time is its activity.
        long silent = seed.update(seed.conversation(workspace, "INSTAGRAM", 0), c -> {
            c.setLastMessageAt(null);
            c.setCreatedAt(Seed.NOW.minusMinutes(20));
        }).getId();

        assertThat(ids(InboxFilter.active())).containsExactly(newest, tieHigh, tieLow, silent, older);
    }

    @Test
    void carriesWhatTheInboxListShows() {
        long contact = seed.contact(workspace, "Sara Designs");
        ConversationsRecord known = seed.update(seed.conversation(workspace, "INSTAGRAM", 5), c -> {
            c.setContactId(contact);
            c.setUnreadCount(3);
            c.setAssignedToUserId(agent);
            c.setIntentLabelEnum(IntentLabel.BUYING);
            c.setIntentConfidence(new java.math.BigDecimal("0.9300"));
            c.setLeadCount(1);
            c.setOrderCount(2);
            // The backend keeps the newest message's text on the conversation, for the list: what it shows.
            c.setLastMessage("x".repeat(200));
        });
        ConversationsRecord anonymous = seed.update(seed.conversation(workspace, "WHATSAPP", 50),
                c -> c.setCustomerName(null));

        List<InboxRow> rows = inbox.page(workspace, InboxFilter.active(), PageRequest.first()).rows();

        assertThat(rows.get(0)).isEqualTo(new InboxRow(known.getId(), known.getBusinessId(), "INSTAGRAM",
                "Sara Designs", "x".repeat(140), Seed.NOW.minusMinutes(5), 3, agent, IntentLabel.BUYING,
                new java.math.BigDecimal("0.9300"), 1, 2));
        assertThat(rows.get(1).customerName()).isEqualTo(anonymous.getCustomerHandle());
        assertThat(rows.get(1).lastMessage()).isNull();
        assertThat(rows.get(1).activityAt()).isEqualTo(Seed.NOW.minusMinutes(50));
    }

    @Test
    void combinesAssigneeIntentChannelAndUnreadFilters() {
        long other = seed.user(workspace, "other-" + workspace + "@shop.example");
        ConversationsRecord mineUnreadBuying = seed.update(seed.conversation(workspace, "INSTAGRAM", 1), c -> {
            c.setAssignedToUserId(agent);
            c.setUnreadCount(2);
            c.setIntentLabelEnum(IntentLabel.BUYING);
        });
        ConversationsRecord mineReadBuying = seed.update(seed.conversation(workspace, "INSTAGRAM", 2), c -> {
            c.setAssignedToUserId(agent);
            c.setIntentLabelEnum(IntentLabel.BUYING);
        });
        ConversationsRecord mineWhatsappSpam = seed.update(seed.conversation(workspace, "WHATSAPP", 3), c -> {
            c.setAssignedToUserId(agent);
            c.setUnreadCount(1);
            c.setIntentLabelEnum(IntentLabel.SPAM);
        });
        ConversationsRecord othersUnread = seed.update(seed.conversation(workspace, "INSTAGRAM", 4), c -> {
            c.setAssignedToUserId(other);
            c.setUnreadCount(5);
        });
        ConversationsRecord nobodys = seed.update(seed.conversation(workspace, "WHATSAPP", 5),
                c -> c.setIntentLabelEnum(IntentLabel.SUPPORT));

        InboxFilter mine = InboxFilter.active().withAssignee(AssigneeFilter.user(agent));
        assertThat(ids(mine)).containsExactly(mineUnreadBuying.getId(), mineReadBuying.getId(), mineWhatsappSpam.getId());
        assertThat(ids(mine.withUnreadOnly(true))).containsExactly(mineUnreadBuying.getId(), mineWhatsappSpam.getId());
        assertThat(ids(mine.withIntents(IntentLabel.BUYING).withUnreadOnly(true)))
                .containsExactly(mineUnreadBuying.getId());
        assertThat(ids(mine.withChannels("WHATSAPP"))).containsExactly(mineWhatsappSpam.getId());
        assertThat(ids(InboxFilter.active().withAssignee(AssigneeFilter.UNASSIGNED))).containsExactly(nobodys.getId());
        assertThat(ids(InboxFilter.active().withIntents(IntentLabel.SPAM, IntentLabel.SUPPORT)))
                .containsExactly(mineWhatsappSpam.getId(), nobodys.getId());
        assertThat(ids(InboxFilter.active().withUnreadOnly(true).withChannels("INSTAGRAM")))
                .containsExactly(mineUnreadBuying.getId(), othersUnread.getId());
    }

    @Test
    void archivedConversationsLeaveTheInboxAndSoftDeletedOnesNeverShow() {
        long kept = seed.conversation(workspace, "INSTAGRAM", 1).getId();
        long archived = seed.conversation(workspace, "INSTAGRAM", 2).getId();
        long deleted = seed.conversation(workspace, "INSTAGRAM", 3).getId();
        long archivedThenDeleted = seed.conversation(workspace, "INSTAGRAM", 4).getId();

        assertThat(inbox.archive(workspace, archived)).isTrue();
        assertThat(inbox.archive(workspace, archived)).as("already archived").isFalse();
        inbox.softDelete(workspace, deleted);
        inbox.archive(workspace, archivedThenDeleted);
        inbox.softDelete(workspace, archivedThenDeleted);

        assertThat(ids(InboxFilter.active())).containsExactly(kept);
        assertThat(ids(InboxFilter.active().withView(ArchiveView.ARCHIVED))).containsExactly(archived);
        assertThat(inbox.unarchive(workspace, archived)).isTrue();
        assertThat(ids(InboxFilter.active())).containsExactly(kept, archived);
        assertThatThrownBy(() -> inbox.archive(workspace, deleted)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("conversation " + deleted);
    }

    @Test
    void walkingEveryPageWhileRowsArriveSkipsNothingAndRepeatsNothing() {
        List<Long> existing = new ArrayList<>();
        for (int i = 0; i < 57; i++) {
            existing.add(seed.conversation(workspace, "INSTAGRAM", 1000 + (i % 7)).getId()); // many ties
        }
        List<Long> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(10);
        int minutes = 0;
        while (true) {
            Page<InboxRow> page = inbox.page(workspace, InboxFilter.active(), request);
            page.rows().forEach(row -> seen.add(row.conversationId()));
            // New conversations arrive between pages, newer than everything and amid the existing ones.
            seed.conversation(workspace, "WHATSAPP", minutes++);
            seed.conversation(workspace, "WHATSAPP", 1003);
            if (page.nextCursor().isEmpty()) {
                break;
            }
            request = request.after(page.nextCursor().get());
        }

        assertThat(seen).doesNotHaveDuplicates().containsAll(existing);
    }

    @Test
    void countsTheTabsInOneGo() {
        long other = seed.user(workspace, "other-" + workspace + "@shop.example");
        seed.update(seed.conversation(workspace, "INSTAGRAM", 1), c -> {
            c.setAssignedToUserId(agent);
            c.setIntentLabelEnum(IntentLabel.BUYING);
        });
        seed.update(seed.conversation(workspace, "INSTAGRAM", 2), c -> c.setAssignedToUserId(other));
        seed.update(seed.conversation(workspace, "INSTAGRAM", 3), c -> c.setIntentLabelEnum(IntentLabel.BUYING));
        seed.update(seed.conversation(workspace, "INSTAGRAM", 4), c -> c.setIntentLabelEnum(IntentLabel.SPAM));
        long archived = seed.update(seed.conversation(workspace, "INSTAGRAM", 5),
                c -> c.setIntentLabelEnum(IntentLabel.SPAM)).getId();
        inbox.archive(workspace, archived);

        TabCounts counts = inbox.tabCounts(workspace, agent);

        assertThat(counts.active()).isEqualTo(4);
        assertThat(counts.unassigned()).isEqualTo(2);
        assertThat(counts.mine()).isEqualTo(1);
        assertThat(counts.byIntent()).hasSize(IntentLabel.values().length)
                .containsEntry(IntentLabel.BUYING, 2L)
                .containsEntry(IntentLabel.SPAM, 1L)
                .containsEntry(IntentLabel.OTHER, 0L);
    }

    @Test
    void rejectsATamperedCursorOrOneFromAnotherWorkspaceOrFilter() {
        for (int i = 0; i < 3; i++) {
            seed.conversation(workspace, "INSTAGRAM", i);
        }
        String cursor = inbox.page(workspace, InboxFilter.active(), PageRequest.first(1)).nextCursor().orElseThrow();
        char[] chars = cursor.toCharArray();
        chars[3] = chars[3] == 'A' ? 'B' : 'A';
        String tampered = new String(chars);
        long otherWorkspace = seed.workspace("elsewhere");

        assertThatThrownBy(() -> inbox.page(workspace, InboxFilter.active(), PageRequest.first(1).after(tampered)))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("cursor: rejected");
        assertThatThrownBy(() -> inbox.page(otherWorkspace, InboxFilter.active(), PageRequest.first(1).after(cursor)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("another workspace, filter");
        assertThatThrownBy(() -> inbox.page(workspace, InboxFilter.active().withUnreadOnly(true),
                PageRequest.first(1).after(cursor))).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> inbox.page(workspace, InboxFilter.active(), PageRequest.first(1).after("%%%")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("not base64url");
        assertThat(inbox.page(workspace, InboxFilter.active(), PageRequest.first(1).after(cursor)).rows()).hasSize(1);
    }

    @Test
    void validatesArgumentsBeforeAnySql() {
        assertThatThrownBy(() -> PageRequest.first(0)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("limit: must be between 1 and 200, was 0");
        assertThatThrownBy(() -> PageRequest.first(201)).hasMessageContaining("was 201");
        assertThat(PageRequest.first().limit()).isEqualTo(50);
        assertThatThrownBy(() -> inbox.page(0, InboxFilter.active(), PageRequest.first()))
                .isInstanceOf(InvalidRequestException.class).hasMessage("workspaceId: must be a positive id, was 0");
        assertThatThrownBy(() -> InboxFilter.active().withChannels(" ")).hasMessageStartingWith("channels:");
        assertThatThrownBy(() -> AssigneeFilter.user(-1)).hasMessageStartingWith("assignee:");
        assertThat(new PageRequest(5, null).cursor()).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> PageRequest.first().after(null)).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("cursor: must be a page's nextCursor, was null");
    }

    @Test
    void facebookMatchesTheBackendsMessengerRows() {
        long messenger = seed.conversation(workspace, "MESSENGER", 1).getId();
        long facebook = seed.conversation(workspace, "FACEBOOK", 2).getId();
        seed.conversation(workspace, "INSTAGRAM", 3);

        assertThat(ids(InboxFilter.active().withChannels("FACEBOOK"))).containsExactly(messenger, facebook);
        assertThat(ids(InboxFilter.active().withChannels("MESSENGER"))).containsExactly(messenger, facebook);
    }

    @Test
    void rejectsFilterValuesPostgresWouldChokeOnOrThatMakeTheCursorScopeAmbiguous() {
        assertThatThrownBy(() -> InboxFilter.active().withChannels("INSTAGRAM\u0000"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("channels: each value must be a code").hasMessageContaining("INSTAGRAM\\u0000");
        // {"INSTAGRAM, X"} would print like {"INSTAGRAM", "X"}: a cursor of one would pass for the other.
        assertThatThrownBy(() -> InboxFilter.active().withChannels("INSTAGRAM, X"))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(InboxFilter.active().withChannels("INSTAGRAM", "X").channels()).containsExactly("INSTAGRAM", "X");
    }

    @Test
    void rejectsAForgedCursorWhosePositionNoDatabaseCouldHold() {
        // Signed with the default key (which ships in this jar), so only the range check can stop it.
        // A cursor's scope is the list, the workspace and the filter's query parameters.
        InboxFilter filter = InboxFilter.active();
        String scope = "inbox:" + workspace + ":"
                + Cursors.fingerprint(QueryParameters.format(filter.toQueryParameters()));
        String forged = Cursors.withDefaultKey().encode(scope, new Cursors.Position(Long.MAX_VALUE, 1));

        assertThatThrownBy(() -> inbox.page(workspace, filter, PageRequest.first().after(forged)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("outside what the database can hold");
    }
}

package com.inboop.db.inbox;

import static com.inboop.db.schema.Tables.CONVERSATIONS;
import static com.inboop.db.schema.Tables.MESSAGES;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import com.inboop.db.InvalidRequestException;
import com.inboop.db.NotFoundException;
import com.inboop.db.internal.check.Arguments;
import com.inboop.db.internal.check.Ids;
import com.inboop.db.internal.failure.DatabaseFailures;
import com.inboop.db.internal.legacy.EffectiveStatus;
import com.inboop.db.internal.list.Keyset;
import com.inboop.db.internal.list.ListShape;
import com.inboop.db.internal.list.TabCounting;
import com.inboop.db.internal.sql.ContactName;
import com.inboop.db.internal.sql.Literals;
import com.inboop.db.internal.sql.UtcTime;
import com.inboop.db.internal.sql.WorkspaceScope;
import com.inboop.db.internal.statement.Column;
import com.inboop.db.internal.statement.Columns;
import com.inboop.db.list.Cursors;
import com.inboop.db.list.Page;
import com.inboop.db.list.PageRequest;
import com.inboop.db.list.TextSearch;
import com.inboop.db.schema.enums.IntentLabel;
import com.inboop.db.schema.tables.Conversations;
import com.inboop.db.schema.tables.records.ConversationsRecord;

/**
 * A workspace's inbox: its conversations (those of its businesses), most recent activity first, keyset-paginated so
 * that page 1,000 costs what page 1 does (an index range scan on the migrations' inbox indexes, no sort). Every
 * method takes the workspace and never reads or changes another workspace's rows; soft-deleted conversations are
 * never returned.
 */
public final class InboxQuery {

    /**
     * The sort key: when the last message came, else when the conversation was created, else the epoch, so that it
     * is never NULL. The same expression as the inbox indexes (V019..V022).
     */
    static final Field<LocalDateTime> ACTIVITY_AT =
            DSL.coalesce(CONVERSATIONS.LAST_MESSAGE_AT, CONVERSATIONS.CREATED_AT, UtcTime.EPOCH);

    private static final int PREVIEW_LENGTH = 140;

    private final DSLContext dsl;
    private final Cursors cursors;
    private final ListShape<InboxRow> list;

    /** Cursors are signed with the built-in key: tamper-evident, not secret (see {@link Cursors}). */
    public InboxQuery(DSLContext dsl) {
        this(dsl, Cursors.withDefaultKey());
    }

    /** Cursors are signed with {@code cursors}' key. */
    public InboxQuery(DSLContext dsl, Cursors cursors) {
        this.dsl = DatabaseFailures.translating(dsl);
        this.cursors = Arguments.require("cursors", cursors);
        this.list = list(this.dsl);
    }

    /** The inbox list: its columns, each read into {@link InboxRow} by its position. */
    private static ListShape<InboxRow> list(DSLContext dsl) {
        Columns columns = new Columns();
        Column<Long> id = columns.add(CONVERSATIONS.ID);
        Column<Long> businessId = columns.add(CONVERSATIONS.BUSINESS_ID);
        Column<String> channel = columns.add(CONVERSATIONS.CHANNEL);
        Column<String> customer = columns.add(DSL.coalesce(
                ContactName.of(CONVERSATIONS.CONTACT_ID, CONVERSATIONS.BUSINESS_ID),
                CONVERSATIONS.CUSTOMER_NAME, CONVERSATIONS.CUSTOMER_HANDLE).as("customer"));
        Column<String> preview = columns.add(
                DSL.left(CONVERSATIONS.LAST_MESSAGE, DSL.inline(PREVIEW_LENGTH)).as("preview"));
        Column<LocalDateTime> activityAt = columns.add(Keyset.sortKey(ACTIVITY_AT));
        Column<Integer> unread = columns.add(DSL.coalesce(CONVERSATIONS.UNREAD_COUNT, DSL.inline(0)).as("unread"));
        Column<Long> assignee = columns.add(CONVERSATIONS.ASSIGNED_TO_USER_ID);
        Column<IntentLabel> intent = columns.add(EffectiveStatus.INTENT.as("intent_label"));
        Column<BigDecimal> confidence = columns.add(CONVERSATIONS.INTENT_CONFIDENCE);
        Column<Integer> leadCount = columns.add(CONVERSATIONS.LEAD_COUNT);
        Column<Integer> orderCount = columns.add(CONVERSATIONS.ORDER_COUNT);
        return new ListShape<>(dsl, "inbox", CONVERSATIONS, ACTIVITY_AT, CONVERSATIONS.ID, CONVERSATIONS.BUSINESS_ID,
                CONVERSATIONS.DELETED_AT, CONVERSATIONS.ARCHIVED_AT, columns,
                row -> new InboxRow(id.read(row), businessId.read(row), channel.read(row), customer.read(row),
                        preview.read(row), activityAt.read(row), unread.read(row), assignee.read(row),
                        intent.read(row), confidence.read(row), leadCount.read(row), orderCount.read(row)),
                row -> Cursors.Position.of(row.activityAt(), row.conversationId()),
                (search, businesses) -> new Keyset.Search(matches(search), indexed(search, businesses)));
    }

    /**
     * One page of the inbox under {@code filter}.
     *
     * <p>Without a search, the page is one index range scan on the view's index (one per business, merged). With
     * one, the rows come from the cheaper of two ways ({@link Keyset.Search}): the next conversations in list order
     * are read and checked (a common term fills a page there), and only if they hold less than a page are the
     * matches looked up through the trigram indexes (a rare term), joined to the workspace and sorted.
     *
     * @throws InvalidRequestException for a bad id, null filter or request, or a cursor of another list or filter
     */
    public Page<InboxRow> page(long workspaceId, InboxFilter filter, PageRequest request) {
        Arguments.require("filter", filter);
        return list.page(cursors, workspaceId, filter.filtering(), request);
    }

    /**
     * The search checked on one conversation: its customer's name or handle, or one of its messages. A scalar
     * sub-select, not EXISTS: Postgres may turn an EXISTS into one hashed pass over every matching message of every
     * workspace; a scalar sub-select is always a probe of this conversation's messages.
     */
    private static Condition matches(TextSearch search) {
        return customerMatches(search, CONVERSATIONS)
                .or(DSL.field(DSL.select(DSL.inline(true)).from(MESSAGES)
                        .where(MESSAGES.CONVERSATION_ID.eq(CONVERSATIONS.ID))
                        .and(search.condition(MESSAGES.ORIGINAL_TEXT)).limit(DSL.inline(1))).isNotNull());
    }

    /**
     * The search as the trigram indexes find it, within the workspace's businesses: matching names and handles, and
     * conversations of matching messages. The business is part of each index's condition (V058, V060), so a term
     * common in other workspaces costs only this one's matches. Messages whose business_id is not filled yet (older
     * than V055, until the message-businesses job is done) are looked up apart (V059's index, empty once the job is
     * done); the outer query keeps only this workspace's conversations of them.
     */
    private static Condition indexed(TextSearch search, List<Long> businesses) {
        Conversations matched = CONVERSATIONS.as("matched");
        return CONVERSATIONS.ID.in(DSL.select(matched.ID).from(matched)
                .where(search.condition(customerText(matched)))
                .and(customerMatches(search, matched))
                .and(matched.DELETED_AT.isNull())
                .and(WorkspaceScope.businessKeyIn(matched.BUSINESS_ID, businesses))
                .unionAll(DSL.select(MESSAGES.CONVERSATION_ID).from(MESSAGES)
                        .where(WorkspaceScope.businessKeyIn(MESSAGES.BUSINESS_ID, businesses))
                        .and(search.condition(MESSAGES.ORIGINAL_TEXT)))
                .unionAll(DSL.select(MESSAGES.CONVERSATION_ID).from(MESSAGES)
                        .where(MESSAGES.BUSINESS_ID.isNull())
                        .and(search.condition(MESSAGES.ORIGINAL_TEXT))));
    }

    /** The term within the customer's name or handle ({@link ListShape#withinEach}); a prefix is the name's. */
    private static Condition customerMatches(TextSearch search, Conversations conversations) {
        return ListShape.withinEach(search, List.of(conversations.CUSTOMER_NAME, conversations.CUSTOMER_HANDLE));
    }

    /**
     * The customer's name and handle as one text, the expression idx_conversations_search (V030) indexes, written
     * as that migration writes it: the planner uses an expression index only for the same expression.
     */
    static Field<String> customerText(Conversations conversations) {
        return DSL.field("(coalesce({0}, '') || ' ' || coalesce({1}, ''))", SQLDataType.VARCHAR,
                conversations.CUSTOMER_NAME, conversations.CUSTOMER_HANDLE);
    }

    /**
     * The inbox tabs' numbers and the unread badge over the workspace's active conversations, in one statement after
     * the workspace lookup. A business whose counts are kept (conversation_counts_kept, V063..V066: every business
     * created since, and those the inbox-tab-counts job has counted) costs its few rows of sums per group, however
     * many conversations it has; any other is counted from its conversations (an index-only scan of
     * idx_conversations_tab_counts). Both ways give the same numbers.
     *
     * @param userId the user looking, whose "mine" tab is counted; must be a user of the workspace
     * @throws InvalidRequestException if {@code userId} is not a member or the owner of the workspace
     */
    public TabCounts tabCounts(long workspaceId, long userId) {
        Ids.require("workspaceId", workspaceId);
        Ids.require("userId", userId);
        Table<?> groups = TabCounting.groups(TabCounting.Businesses.of(dsl, workspaceId)).asTable("tab_groups");
        Field<Long> assignee = groups.field(TabCounting.ASSIGNEE, Long.class);
        Field<Boolean> unread = groups.field(TabCounting.UNREAD, Boolean.class);
        Field<IntentLabel> intent = groups.field(TabCounting.INTENT, IntentLabel.class);
        Field<Long> conversations = groups.field(TabCounting.CONVERSATIONS_IN_GROUP, Long.class);
        List<SelectField<?>> fields = new ArrayList<>(List.of(
                DSL.field(WorkspaceScope.hasUser(workspaceId, DSL.val(userId))),
                TabCounting.sum(conversations, DSL.noCondition()),
                TabCounting.sum(conversations, assignee.isNull()),
                TabCounting.sum(conversations, assignee.eq(userId)),
                TabCounting.sum(conversations, DSL.condition(unread))));
        int intentsAt = fields.size();
        for (IntentLabel label : IntentLabel.values()) {
            fields.add(TabCounting.sum(conversations, Literals.eq(intent, label)));
        }
        Record counts = dsl.select(fields).from(groups).fetchSingle();
        if (!Boolean.TRUE.equals(counts.get(0, Boolean.class))) {
            throw new InvalidRequestException("userId", "user " + userId + " is not a member of workspace "
                    + workspaceId + "; pass the id of the user who is looking at the inbox");
        }
        Map<IntentLabel, Long> byIntent = new EnumMap<>(IntentLabel.class);
        for (IntentLabel label : IntentLabel.values()) {
            byIntent.put(label, counts.get(intentsAt + label.ordinal(), Long.class));
        }
        return new TabCounts(counts.get(1, Long.class), counts.get(2, Long.class), counts.get(3, Long.class),
                counts.get(4, Long.class), byIntent);
    }

    /** Archives an active conversation; false if it was archived already. */
    public boolean archive(long workspaceId, long conversationId) {
        return stamp(workspaceId, conversationId, CONVERSATIONS.ARCHIVED_AT, UtcTime.NOW,
                CONVERSATIONS.ARCHIVED_AT.isNull());
    }

    /** Brings an archived conversation back to the inbox; false if it was not archived. */
    public boolean unarchive(long workspaceId, long conversationId) {
        return stamp(workspaceId, conversationId, CONVERSATIONS.ARCHIVED_AT, DSL.val(null, LocalDateTime.class),
                CONVERSATIONS.ARCHIVED_AT.isNotNull());
    }

    /** Soft-deletes a conversation: no method returns it again. */
    public void softDelete(long workspaceId, long conversationId) {
        stamp(workspaceId, conversationId, CONVERSATIONS.DELETED_AT, UtcTime.NOW, DSL.noCondition());
    }

    private boolean stamp(long workspaceId, long conversationId, TableField<ConversationsRecord, LocalDateTime> column,
                          Field<LocalDateTime> value, Condition onlyIf) {
        Ids.require("workspaceId", workspaceId);
        Ids.require("conversationId", conversationId);
        Condition row = CONVERSATIONS.ID.eq(conversationId)
                .and(WorkspaceScope.ownsBusiness(workspaceId, CONVERSATIONS.BUSINESS_ID))
                .and(CONVERSATIONS.DELETED_AT.isNull());
        int updated = dsl.update(CONVERSATIONS)
                .set(column, value)
                .set(CONVERSATIONS.UPDATED_AT, UtcTime.NOW)
                .where(row.and(onlyIf))
                .execute();
        if (updated == 0 && !dsl.fetchExists(CONVERSATIONS, row)) {
            throw new NotFoundException("conversation", conversationId, workspaceId);
        }
        return updated == 1;
    }
}

package com.inboop.db.inbox;

import static com.inboop.db.schema.Tables.CONTACTS;
import static com.inboop.db.schema.Tables.CONVERSATIONS;

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
import org.jooq.TableField;
import org.jooq.impl.DSL;

import com.inboop.db.Ids;
import com.inboop.db.NotFoundException;
import com.inboop.db.UtcTime;
import com.inboop.db.WorkspaceScope;
import com.inboop.db.legacy.LegacyMapping;
import com.inboop.db.paging.Cursors;
import com.inboop.db.paging.Keyset;
import com.inboop.db.paging.Page;
import com.inboop.db.paging.PageRequest;
import com.inboop.db.schema.enums.IntentLabel;
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

    /** Cursors are signed with the built-in key: tamper-evident, not secret (see {@link Cursors}). */
    public InboxQuery(DSLContext dsl) {
        this(dsl, Cursors.withDefaultKey());
    }

    /** Cursors are signed with {@code cursors}' key. */
    public InboxQuery(DSLContext dsl, Cursors cursors) {
        this.dsl = dsl;
        this.cursors = cursors;
    }

    /** One page of the inbox under {@code filter}. */
    public Page<InboxRow> page(long workspaceId, InboxFilter filter, PageRequest request) {
        Ids.require("workspaceId", workspaceId);
        List<Long> businesses = WorkspaceScope.businessesOf(dsl, workspaceId);
        var ordered = dsl.select(CONVERSATIONS.ID, CONVERSATIONS.CHANNEL,
                        DSL.coalesce(CONTACTS.NAME, CONVERSATIONS.CUSTOMER_NAME, CONVERSATIONS.CUSTOMER_HANDLE),
                        DSL.left(CONVERSATIONS.LAST_MESSAGE, PREVIEW_LENGTH), ACTIVITY_AT,
                        CONVERSATIONS.UNREAD_COUNT, CONVERSATIONS.ASSIGNED_TO_USER_ID,
                        CONVERSATIONS.INTENT_LABEL_ENUM, CONVERSATIONS.INTENT_LABEL, CONVERSATIONS.INTENT_CONFIDENCE,
                        CONVERSATIONS.LEAD_COUNT, CONVERSATIONS.ORDER_COUNT)
                .from(CONVERSATIONS)
                .leftJoin(CONTACTS).on(CONTACTS.ID.eq(CONVERSATIONS.CONTACT_ID)
                        .and(CONTACTS.BUSINESS_ID.eq(CONVERSATIONS.BUSINESS_ID)))
                .where(visible(businesses, filter))
                .orderBy(ACTIVITY_AT.desc(), CONVERSATIONS.ID.desc());
        return Keyset.page(ordered, request, Keyset.scope("inbox", workspaceId, filter.canonical()), cursors,
                r -> new InboxRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6() == null ? 0 : r.value6(), r.value7(),
                        LegacyMapping.INTENT_LABEL.effective(r.value8(), r.value9()), r.value10(), r.value11(),
                        r.value12()),
                row -> Cursors.Position.of(row.activityAt(), row.conversationId()));
    }

    /** Tab counts over the workspace's active conversations, in one round trip after the workspace lookup. */
    public TabCounts tabCounts(long workspaceId, long userId) {
        Ids.require("workspaceId", workspaceId);
        Ids.require("userId", userId);
        List<Long> businesses = WorkspaceScope.businessesOf(dsl, workspaceId);
        List<SelectField<?>> fields = new ArrayList<>(List.of(
                DSL.count(),
                DSL.count().filterWhere(CONVERSATIONS.ASSIGNED_TO_USER_ID.isNull()),
                DSL.count().filterWhere(CONVERSATIONS.ASSIGNED_TO_USER_ID.eq(userId))));
        for (IntentLabel label : IntentLabel.values()) {
            fields.add(DSL.count().filterWhere(LegacyMapping.INTENT_LABEL.isIn(CONVERSATIONS.INTENT_LABEL_ENUM,
                    CONVERSATIONS.INTENT_LABEL, List.of(label))));
        }
        Record counts = dsl.select(fields).from(CONVERSATIONS)
                .where(visible(businesses, InboxFilter.active()))
                .fetchSingle();
        Map<IntentLabel, Long> byIntent = new EnumMap<>(IntentLabel.class);
        for (IntentLabel label : IntentLabel.values()) {
            byIntent.put(label, counts.get(3 + label.ordinal(), Long.class));
        }
        return new TabCounts(counts.get(0, Long.class), counts.get(1, Long.class), counts.get(2, Long.class), byIntent);
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

    /** The workspace's businesses, not soft-deleted, and the filter. */
    private static Condition visible(List<Long> businesses, InboxFilter filter) {
        return WorkspaceScope.businessIn(CONVERSATIONS.BUSINESS_ID, businesses)
                .and(CONVERSATIONS.DELETED_AT.isNull())
                .and(filter.condition());
    }
}

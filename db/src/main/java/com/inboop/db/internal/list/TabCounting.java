package com.inboop.db.internal.list;

import static com.inboop.db.schema.Tables.BUSINESSES;
import static com.inboop.db.schema.Tables.CONVERSATIONS;
import static com.inboop.db.schema.Tables.CONVERSATION_COUNTS_KEPT;
import static com.inboop.db.schema.Tables.CONVERSATION_COUNT_CHANGES;

import java.util.ArrayList;
import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import com.inboop.db.internal.legacy.EffectiveStatus;
import com.inboop.db.internal.sql.WorkspaceScope;
import com.inboop.db.schema.enums.IntentLabel;

/**
 * The inbox's active conversations per tab-count group (assignee, unread or not, effective intent label), for a
 * workspace's businesses: a business whose counts are kept (conversation_counts_kept, V064) gives its sums of
 * conversation_count_changes (V063, a few rows per group), any other its conversations counted (an index-only scan
 * of idx_conversations_tab_counts). Which is which is read with the businesses, so the statement holds only the
 * branches that apply: a branch gated inside the statement still had Postgres start parallel workers for it.
 */
public final class TabCounting {

    /** Output names of {@link #groups}' columns. */
    public static final String ASSIGNEE = "assignee";
    public static final String UNREAD = "unread";
    public static final String INTENT = "intent";
    public static final String CONVERSATIONS_IN_GROUP = "conversations";

    private TabCounting() {
    }

    /**
     * A workspace's businesses as the tab counts read them: those whose counts are kept, and the others.
     *
     * @param kept    named in conversation_counts_kept: their sums are their counts
     * @param counted the others: their conversations are counted
     */
    public record Businesses(List<Long> kept, List<Long> counted) {

        /**
         * The workspace's businesses, each with whether its counts are kept, in one statement. A business kept after
         * this read is counted this once (the same numbers); none stops being kept but by hand.
         */
        public static Businesses of(DSLContext dsl, long workspaceId) {
            List<Long> kept = new ArrayList<>();
            List<Long> counted = new ArrayList<>();
            dsl.select(BUSINESSES.ID, CONVERSATION_COUNTS_KEPT.BUSINESS_ID.isNotNull())
                    .from(BUSINESSES)
                    .leftJoin(CONVERSATION_COUNTS_KEPT).on(CONVERSATION_COUNTS_KEPT.BUSINESS_ID.eq(BUSINESSES.ID))
                    .where(BUSINESSES.WORKSPACE_ID.eq(workspaceId))
                    .orderBy(BUSINESSES.ID)
                    .forEach(r -> (r.value2() ? kept : counted).add(r.value1()));
            return new Businesses(List.copyOf(kept), List.copyOf(counted));
        }
    }

    /**
     * One row per group: its assignee, unread or not, intent label and number of conversations, from the kept
     * businesses' sums and the other businesses' conversations (a group may come once from each).
     */
    public static Select<Record4<Long, Boolean, IntentLabel, Long>> groups(Businesses businesses) {
        Select<Record4<Long, Boolean, IntentLabel, Long>> sums = DSL.select(
                        CONVERSATION_COUNT_CHANGES.ASSIGNED_TO_USER_ID.as(ASSIGNEE),
                        CONVERSATION_COUNT_CHANGES.UNREAD.as(UNREAD),
                        CONVERSATION_COUNT_CHANGES.INTENT_LABEL.as(INTENT),
                        DSL.sum(CONVERSATION_COUNT_CHANGES.CHANGE).cast(SQLDataType.BIGINT).as(CONVERSATIONS_IN_GROUP))
                .from(CONVERSATION_COUNT_CHANGES)
                .where(WorkspaceScope.businessIn(CONVERSATION_COUNT_CHANGES.BUSINESS_ID, businesses.kept()))
                .groupBy(CONVERSATION_COUNT_CHANGES.ASSIGNED_TO_USER_ID, CONVERSATION_COUNT_CHANGES.UNREAD,
                        CONVERSATION_COUNT_CHANGES.INTENT_LABEL);
        if (businesses.counted().isEmpty()) {
            return sums;
        }
        Select<Record4<Long, Boolean, IntentLabel, Long>> counted =
                counted(WorkspaceScope.businessIn(CONVERSATIONS.BUSINESS_ID, businesses.counted()));
        return businesses.kept().isEmpty() ? counted : sums.unionAll(counted);
    }

    /**
     * {@code coalesce(sum(conversations) FILTER (WHERE condition), 0)}: the conversations of the groups where
     * {@code condition} holds.
     */
    public static Field<Long> sum(Field<Long> conversations, Condition condition) {
        return DSL.coalesce(DSL.sum(conversations).filterWhere(condition).cast(SQLDataType.BIGINT), DSL.inline(0L));
    }

    /** The active conversations where {@code where} holds, counted per group. */
    private static Select<Record4<Long, Boolean, IntentLabel, Long>> counted(Condition where) {
        Field<Boolean> unread = DSL.coalesce(CONVERSATIONS.UNREAD_COUNT, DSL.inline(0)).gt(DSL.inline(0));
        return DSL.select(CONVERSATIONS.ASSIGNED_TO_USER_ID.as(ASSIGNEE), DSL.field(unread).as(UNREAD),
                        EffectiveStatus.INTENT.as(INTENT), DSL.count().cast(SQLDataType.BIGINT).as(CONVERSATIONS_IN_GROUP))
                .from(CONVERSATIONS)
                .where(where)
                .and(CONVERSATIONS.ARCHIVED_AT.isNull())
                .and(CONVERSATIONS.DELETED_AT.isNull())
                .groupBy(CONVERSATIONS.ASSIGNED_TO_USER_ID, unread, EffectiveStatus.INTENT);
    }
}

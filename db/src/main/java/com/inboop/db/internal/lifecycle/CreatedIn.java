package com.inboop.db.internal.lifecycle;

import static com.inboop.db.schema.Tables.CONVERSATIONS;

import org.jooq.DSLContext;
import org.jooq.TableField;
import org.jooq.impl.DSL;

import com.inboop.db.NotFoundException;
import com.inboop.db.internal.sql.UtcTime;
import com.inboop.db.internal.sql.WorkspaceScope;
import com.inboop.db.schema.tables.records.ConversationsRecord;

/**
 * The conversation a lead or an order is created in: found in the caller's workspace and locked for the creating
 * transaction, so that creations in one conversation take turns (at most one NEW lead), and its denormalized count
 * raised once the row is in.
 */
public final class CreatedIn {

    private CreatedIn() {
    }

    /**
     * The conversation, locked until the transaction ends.
     *
     * @throws NotFoundException if it is not in the workspace (or deleted)
     */
    public static ConversationsRecord lock(DSLContext tx, long workspaceId, long conversationId) {
        return tx.selectFrom(CONVERSATIONS)
                .where(CONVERSATIONS.ID.eq(conversationId)
                        .and(WorkspaceScope.ownsBusiness(workspaceId, CONVERSATIONS.BUSINESS_ID))
                        .and(CONVERSATIONS.DELETED_AT.isNull()))
                .forNoKeyUpdate()
                .fetchOptional()
                .orElseThrow(() -> new NotFoundException("conversation", conversationId, workspaceId));
    }

    /** Raises one of the conversation's counts (lead_count, order_count) by one. */
    public static void count(DSLContext tx, ConversationsRecord conversation,
                      TableField<ConversationsRecord, Integer> counter) {
        tx.update(CONVERSATIONS)
                .set(counter, DSL.coalesce(counter, 0).plus(1))
                .set(CONVERSATIONS.UPDATED_AT, UtcTime.NOW)
                .where(CONVERSATIONS.ID.eq(conversation.getId()))
                .execute();
    }
}

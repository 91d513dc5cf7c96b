package com.inboop.db.internal.backfill;

import static com.inboop.db.schema.Tables.CONVERSATIONS;
import static com.inboop.db.schema.Tables.LEADS;
import static com.inboop.db.schema.Tables.ORDERS;

import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * {@code conversations.lead_count} and {@code order_count}: denormalized counts of the conversation's live (not
 * soft-deleted) leads and orders, for the inbox. Production's columns default to 0 and were never backfilled, so
 * a count is rewritten wherever it differs from the live rows (NULL included), and only there: a re-run changes
 * nothing. The count is taken inside the UPDATE that writes it, on the locked row, so an application write that
 * commits meanwhile is either counted or applied after it, never lost.
 */
public final class ConversationCountsBackfill extends KeysetBackfill {

    private static final Field<Integer> LIVE_LEADS = DSL.selectCount().from(LEADS)
            .where(LEADS.CONVERSATION_ID.eq(CONVERSATIONS.ID).and(LEADS.DELETED_AT.isNull())).asField();
    private static final Field<Integer> LIVE_ORDERS = DSL.selectCount().from(ORDERS)
            .where(ORDERS.CONVERSATION_ID.eq(CONVERSATIONS.ID).and(ORDERS.DELETED_AT.isNull())).asField();
    private static final Condition NEEDED = CONVERSATIONS.LEAD_COUNT.isDistinctFrom(LIVE_LEADS)
            .or(CONVERSATIONS.ORDER_COUNT.isDistinctFrom(LIVE_ORDERS));

    public ConversationCountsBackfill() {
        super(CONVERSATIONS, CONVERSATIONS.ID, NEEDED);
    }

    @Override
    public String name() {
        return "conversation-counts";
    }

    @Override
    public BatchResult fill(DSLContext tx, List<Long> ids) {
        return BatchResult.changed(tx.update(CONVERSATIONS)
                .set(CONVERSATIONS.LEAD_COUNT, LIVE_LEADS)
                .set(CONVERSATIONS.ORDER_COUNT, LIVE_ORDERS)
                .where(CONVERSATIONS.ID.in(ids).and(NEEDED))
                .execute());
    }
}

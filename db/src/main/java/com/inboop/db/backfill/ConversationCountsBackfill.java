package com.inboop.db.backfill;

import static com.inboop.db.schema.Tables.CONVERSATIONS;
import static com.inboop.db.schema.Tables.LEADS;
import static com.inboop.db.schema.Tables.ORDERS;

import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * {@code conversations.lead_count} and {@code order_count} from the live (not soft-deleted) leads and orders. Only
 * counts still NULL are filled: once set, the application keeps them current.
 */
public final class ConversationCountsBackfill extends KeysetBackfill {

    private static final Condition NEEDED = CONVERSATIONS.LEAD_COUNT.isNull().or(CONVERSATIONS.ORDER_COUNT.isNull());

    public ConversationCountsBackfill() {
        super(CONVERSATIONS, CONVERSATIONS.ID, NEEDED);
    }

    @Override
    public String name() {
        return "conversation-counts";
    }

    @Override
    public int fill(DSLContext tx, List<Long> ids) {
        return tx.update(CONVERSATIONS)
                .set(CONVERSATIONS.LEAD_COUNT, DSL.coalesce(CONVERSATIONS.LEAD_COUNT,
                        DSL.selectCount().from(LEADS).where(LEADS.CONVERSATION_ID.eq(CONVERSATIONS.ID)
                                .and(LEADS.DELETED_AT.isNull())).asField()))
                .set(CONVERSATIONS.ORDER_COUNT, DSL.coalesce(CONVERSATIONS.ORDER_COUNT,
                        DSL.selectCount().from(ORDERS).where(ORDERS.CONVERSATION_ID.eq(CONVERSATIONS.ID)
                                .and(ORDERS.DELETED_AT.isNull())).asField()))
                .where(CONVERSATIONS.ID.in(ids).and(NEEDED))
                .execute();
    }
}

package com.inboop.db.internal.backfill;

import static com.inboop.db.schema.Tables.CONVERSATIONS;
import static com.inboop.db.schema.Tables.MESSAGES;

import java.util.List;

import org.jooq.DSLContext;

/**
 * {@code messages.business_id} (V054) from the message's conversation, for the messages written before V055's
 * trigger fills it. Until it is done, the inbox's search finds those messages apart (V059's index); once done, the
 * index is empty and every search is scoped by idx_messages_business_search alone. Only rows still NULL are filled.
 */
public final class MessageBusinessBackfill extends KeysetBackfill {

    public MessageBusinessBackfill() {
        super(MESSAGES, MESSAGES.ID, MESSAGES.BUSINESS_ID.isNull());
    }

    @Override
    public String name() {
        return "message-businesses";
    }

    @Override
    public BatchResult fill(DSLContext tx, List<Long> ids) {
        return BatchResult.changed(tx.update(MESSAGES)
                .set(MESSAGES.BUSINESS_ID, CONVERSATIONS.BUSINESS_ID)
                .from(CONVERSATIONS)
                .where(CONVERSATIONS.ID.eq(MESSAGES.CONVERSATION_ID))
                .and(MESSAGES.ID.in(ids))
                .and(MESSAGES.BUSINESS_ID.isNull())
                .execute());
    }
}

package com.inboop.db.backfill;

import static com.inboop.db.schema.Tables.CONVERSATIONS;
import static com.inboop.db.schema.Tables.MESSAGES;

import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * {@code conversations.first_message_at} from the conversation's earliest message ({@code sent_at}). Conversations without messages
 * stay NULL and are counted as unresolved.
 */
public final class FirstMessageAtBackfill extends KeysetBackfill {

    private static final Condition NEEDED = CONVERSATIONS.FIRST_MESSAGE_AT.isNull()
            .and(DSL.exists(DSL.selectOne().from(MESSAGES).where(MESSAGES.CONVERSATION_ID.eq(CONVERSATIONS.ID))));

    public FirstMessageAtBackfill() {
        super(CONVERSATIONS, CONVERSATIONS.ID, NEEDED);
    }

    @Override
    public String name() {
        return "first-message-at";
    }

    @Override
    public int fill(DSLContext tx, List<Long> ids) {
        return tx.update(CONVERSATIONS)
                .set(CONVERSATIONS.FIRST_MESSAGE_AT, DSL.select(DSL.min(MESSAGES.SENT_AT)).from(MESSAGES)
                        .where(MESSAGES.CONVERSATION_ID.eq(CONVERSATIONS.ID)))
                .where(CONVERSATIONS.ID.in(ids).and(NEEDED))
                .execute();
    }

    @Override
    public long unresolved(DSLContext dsl) {
        return dsl.fetchCount(CONVERSATIONS, CONVERSATIONS.FIRST_MESSAGE_AT.isNull());
    }
}

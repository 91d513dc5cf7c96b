package com.inboop.db.internal.backfill;

import static com.inboop.db.schema.Tables.CONVERSATIONS;
import static com.inboop.db.schema.Tables.MESSAGES;

import java.util.List;
import java.util.Map;

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
    public BatchResult fill(DSLContext tx, List<Long> ids) {
        return BatchResult.changed(tx.update(CONVERSATIONS)
                .set(CONVERSATIONS.FIRST_MESSAGE_AT, DSL.select(DSL.min(MESSAGES.SENT_AT)).from(MESSAGES)
                        .where(MESSAGES.CONVERSATION_ID.eq(CONVERSATIONS.ID)))
                .where(CONVERSATIONS.ID.in(ids).and(NEEDED))
                .execute());
    }

    /** Conversations without any message: nothing to take the time from (the job never writes them). */
    @Override
    public Map<String, Long> unresolvedElsewhere(DSLContext dsl) {
        long none = dsl.fetchCount(CONVERSATIONS, CONVERSATIONS.FIRST_MESSAGE_AT.isNull().and(DSL.notExists(
                DSL.selectOne().from(MESSAGES).where(MESSAGES.CONVERSATION_ID.eq(CONVERSATIONS.ID)))));
        return none == 0 ? Map.of() : Map.of("no message", none);
    }
}

package com.inboop.db.internal.backfill;

import static com.inboop.db.schema.Tables.MESSAGES;

import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * {@code messages.direction} and {@code sender_type} from {@code is_from_customer}: a message from the customer is
 * INBOUND from a CUSTOMER, any other OUTBOUND from the BUSINESS (the backend's values; the legacy flag cannot tell
 * SYSTEM messages apart). Each column is filled only where it is still NULL.
 */
public final class MessageOriginBackfill extends KeysetBackfill {

    private static final Condition NEEDED = MESSAGES.DIRECTION.isNull().or(MESSAGES.SENDER_TYPE.isNull());

    public MessageOriginBackfill() {
        super(MESSAGES, MESSAGES.ID, NEEDED);
    }

    @Override
    public String name() {
        return "message-origin";
    }

    @Override
    public BatchResult fill(DSLContext tx, List<Long> ids) {
        return BatchResult.changed(tx.update(MESSAGES)
                .set(MESSAGES.DIRECTION, DSL.coalesce(MESSAGES.DIRECTION,
                        DSL.when(MESSAGES.IS_FROM_CUSTOMER, DSL.inline("INBOUND")).otherwise(DSL.inline("OUTBOUND"))))
                .set(MESSAGES.SENDER_TYPE, DSL.coalesce(MESSAGES.SENDER_TYPE,
                        DSL.when(MESSAGES.IS_FROM_CUSTOMER, DSL.inline("CUSTOMER")).otherwise(DSL.inline("BUSINESS"))))
                .where(MESSAGES.ID.in(ids).and(NEEDED))
                .execute());
    }
}

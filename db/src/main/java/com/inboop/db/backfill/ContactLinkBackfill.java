package com.inboop.db.backfill;

import static com.inboop.db.schema.Tables.CONTACTS;
import static com.inboop.db.schema.Tables.CONVERSATIONS;

import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import com.inboop.db.schema.tables.Contacts;

/**
 * {@code conversations.contact_id}, best effort: the business's contact whose {@code handles} (a JSONB object keyed
 * by channel, e.g. {@code {"instagram": "ana.k"}}) holds the conversation's customer handle under the conversation's
 * channel. Only an exact, unique match links: a handle that no contact or several contacts of the business claim is
 * left NULL and counted as unresolved, so two customers are never merged and nothing is guessed. Contacts are not
 * created here.
 */
public final class ContactLinkBackfill extends KeysetBackfill {

    private static final Condition NEEDED = CONVERSATIONS.CONTACT_ID.isNull()
            .and(CONVERSATIONS.CUSTOMER_HANDLE.isNotNull())
            .and(CONVERSATIONS.DELETED_AT.isNull());

    public ContactLinkBackfill() {
        super(CONVERSATIONS, CONVERSATIONS.ID, NEEDED);
    }

    @Override
    public String name() {
        return "contact-links";
    }

    @Override
    public int fill(DSLContext tx, List<Long> ids) {
        Contacts match = CONTACTS.as("match");
        Condition owns = match.BUSINESS_ID.eq(CONVERSATIONS.BUSINESS_ID)
                .and(match.DELETED_AT.isNull())
                .and(holdsHandle(match, CONVERSATIONS.CHANNEL, CONVERSATIONS.CUSTOMER_HANDLE));
        Field<Long> onlyMatch = DSL.select(DSL.min(match.ID)).from(match).where(owns)
                .having(DSL.count().eq(1)).asField();
        return tx.update(CONVERSATIONS)
                .set(CONVERSATIONS.CONTACT_ID, onlyMatch)
                .where(CONVERSATIONS.ID.in(ids).and(NEEDED).and(onlyMatch.isNotNull()))
                .execute();
    }

    /**
     * {@code contact.handles @> jsonb_build_object(lower(channel), handle)}: the contact's handle on that channel is
     * this one. Containment, so that production's GIN index on handles (idx_contacts_handles) finds the contact.
     */
    private static Condition holdsHandle(Contacts contact, Field<String> channel, Field<String> handle) {
        return DSL.condition("{0} @> jsonb_build_object(lower({1}), {2})", contact.HANDLES, channel, handle);
    }

    @Override
    public long unresolved(DSLContext dsl) {
        return dsl.fetchCount(CONVERSATIONS, CONVERSATIONS.CONTACT_ID.isNull().and(CONVERSATIONS.DELETED_AT.isNull()));
    }
}

package com.inboop.db.backfill;

import static com.inboop.db.schema.Tables.CONTACTS;
import static com.inboop.db.schema.Tables.CONTACT_HANDLES;
import static com.inboop.db.schema.Tables.CONVERSATIONS;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.impl.DSL;

/**
 * {@code conversations.contact_id}, best effort: the contact is the one whose handle on the conversation's channel
 * is the conversation's customer handle (contact_handles, unique per workspace, channel and handle), created if the
 * workspace has none. Two different handles never share a contact, so two customers are never merged; matching by
 * name is deliberately not attempted. Conversations without a handle stay NULL and are counted as unresolved.
 *
 * <p>When the application (or another run) creates the same handle at the same time, the unique constraint decides:
 * the loser's freshly made contact is removed in the same transaction and the winner's is used.
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
        var customers = tx.select(CONVERSATIONS.WORKSPACE_ID, CONVERSATIONS.CHANNEL,
                        CONVERSATIONS.CUSTOMER_HANDLE, DSL.max(CONVERSATIONS.CUSTOMER_NAME))
                .from(CONVERSATIONS)
                .where(CONVERSATIONS.ID.in(ids).and(NEEDED))
                .groupBy(CONVERSATIONS.WORKSPACE_ID, CONVERSATIONS.CHANNEL, CONVERSATIONS.CUSTOMER_HANDLE)
                .fetch();
        Set<Record3<Long, String, String>> known = new HashSet<>(tx
                .select(CONTACT_HANDLES.WORKSPACE_ID, CONTACT_HANDLES.CHANNEL, CONTACT_HANDLES.HANDLE)
                .from(CONTACT_HANDLES)
                .where(DSL.row(CONTACT_HANDLES.WORKSPACE_ID, CONTACT_HANDLES.CHANNEL, CONTACT_HANDLES.HANDLE)
                        .in(customers.map(r -> DSL.row(r.value1(), r.value2(), r.value3()))))
                .fetch());
        List<Customer> missing = new ArrayList<>();
        for (var customer : customers) {
            Record3<Long, String, String> key = tx.newRecord(CONTACT_HANDLES.WORKSPACE_ID, CONTACT_HANDLES.CHANNEL,
                    CONTACT_HANDLES.HANDLE).values(customer.value1(), customer.value2(), customer.value3());
            if (!known.contains(key)) {
                missing.add(new Customer(customer.value1(), customer.value2(), customer.value3(),
                        customer.value4() != null ? customer.value4() : customer.value3()));
            }
        }
        createContacts(tx, missing);
        return tx.update(CONVERSATIONS)
                .set(CONVERSATIONS.CONTACT_ID, CONTACT_HANDLES.CONTACT_ID)
                .from(CONTACT_HANDLES)
                .where(CONVERSATIONS.ID.in(ids).and(NEEDED)
                        .and(CONTACT_HANDLES.WORKSPACE_ID.eq(CONVERSATIONS.WORKSPACE_ID))
                        .and(CONTACT_HANDLES.CHANNEL.eq(CONVERSATIONS.CHANNEL))
                        .and(CONTACT_HANDLES.HANDLE.eq(CONVERSATIONS.CUSTOMER_HANDLE)))
                .execute();
    }

    private record Customer(long workspaceId, String channel, String handle, String displayName) {
    }

    /**
     * Creates a contact and its handle for each customer, in three statements whatever their number: contact ids
     * are drawn from the sequence first, so each handle knows its contact. A handle that someone else created
     * meanwhile loses the insert (ON CONFLICT DO NOTHING), and the contact made for it is removed again.
     */
    private static void createContacts(DSLContext tx, List<Customer> customers) {
        if (customers.isEmpty()) {
            return;
        }
        Field<Long> nextId = DSL.function("nextval", Long.class, DSL.function("pg_get_serial_sequence", String.class,
                DSL.inline(CONTACTS.getName()), DSL.inline(CONTACTS.ID.getName())));
        List<Long> ids = tx.select(nextId)
                .from(DSL.generateSeries(1, customers.size()))
                .fetch(0, Long.class);
        var contacts = tx.insertInto(CONTACTS, CONTACTS.ID, CONTACTS.WORKSPACE_ID, CONTACTS.DISPLAY_NAME);
        var handles = tx.insertInto(CONTACT_HANDLES, CONTACT_HANDLES.WORKSPACE_ID, CONTACT_HANDLES.CONTACT_ID,
                CONTACT_HANDLES.CHANNEL, CONTACT_HANDLES.HANDLE);
        for (int i = 0; i < customers.size(); i++) {
            Customer customer = customers.get(i);
            contacts = contacts.values(ids.get(i), customer.workspaceId(), customer.displayName());
            handles = handles.values(customer.workspaceId(), ids.get(i), customer.channel(), customer.handle());
        }
        contacts.execute();
        Set<Long> claimed = new HashSet<>(handles
                .onConflict(CONTACT_HANDLES.WORKSPACE_ID, CONTACT_HANDLES.CHANNEL, CONTACT_HANDLES.HANDLE)
                .doNothing()
                .returning(CONTACT_HANDLES.CONTACT_ID)
                .fetch(CONTACT_HANDLES.CONTACT_ID));
        List<Long> lost = ids.stream().filter(id -> !claimed.contains(id)).toList();
        if (!lost.isEmpty()) {
            tx.deleteFrom(CONTACTS).where(CONTACTS.ID.in(lost)).execute();
        }
    }

    @Override
    public long unresolved(DSLContext dsl) {
        return dsl.fetchCount(CONVERSATIONS, CONVERSATIONS.CONTACT_ID.isNull()
                .and(CONVERSATIONS.CUSTOMER_HANDLE.isNull()).and(CONVERSATIONS.DELETED_AT.isNull()));
    }
}

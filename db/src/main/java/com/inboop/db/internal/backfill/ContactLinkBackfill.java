package com.inboop.db.internal.backfill;

import static com.inboop.db.schema.Tables.CONTACTS;
import static com.inboop.db.schema.Tables.CONVERSATIONS;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;

import com.inboop.db.internal.sql.UtcTime;

/**
 * {@code conversations.contact_id} from the conversation's customer handle, per business: production keeps a
 * business's customers in {@code contacts}, with their handles as a JSONB object keyed by channel
 * ({@code {"instagram": "ana.k", "whatsapp": "+91..."}}).
 *
 * <ul>
 *   <li>The contact of the same business whose handles hold this handle under this channel is linked.</li>
 *   <li>If there is none, one is created ({@code {"<channel>": "<handle>"}}, named after the conversation's
 *       customer), under a transaction-scoped advisory lock on (business, channel, handle), so two runs, or two
 *       batches, never create the same customer twice.</li>
 *   <li>If several contacts of the business claim the handle, nothing is linked: that is for a person to resolve.
 *       Two customers are never merged, and no existing contact is changed (a contact found by its Instagram handle
 *       never gains a WhatsApp one).</li>
 * </ul>
 * Conversations without a handle, and those with an ambiguous one, stay NULL and are reported by reason. Lookups use
 * containment ({@code handles @> '{"instagram": "ana.k"}'}), which production's GIN index on handles answers.
 */
public final class ContactLinkBackfill extends KeysetBackfill {

    /** Namespace of this job's advisory locks (the first key of {@code pg_advisory_xact_lock(int, int)}). */
    private static final int LOCK_NAMESPACE = 0x1B0C_0001;
    /** Why a conversation with a handle stays unlinked. */
    private static final String AMBIGUOUS = "handle claimed by several contacts";
    /** How many handles one containment lookup asks for (one OR branch each). */
    private static final int LOOKUP_CHUNK = 200;

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

    /** A customer of a business on a channel: the key contacts are found and created by. */
    private record Customer(long businessId, String channel, String handle) implements Comparable<Customer> {

        /** {@code {"<channel>": "<handle>"}}: what a contact's handles contain when they hold this customer. */
        JSONB handles() {
            return JSONB.valueOf("{" + json(channel) + ": " + json(handle) + "}");
        }

        String lockKey() {
            return businessId + "/" + channel + "/" + handle;
        }

        @Override
        public int compareTo(Customer other) {
            return lockKey().compareTo(other.lockKey());
        }
    }

    @Override
    public BatchResult fill(DSLContext tx, List<Long> ids) {
        Map<Long, Customer> conversations = new LinkedHashMap<>();
        Map<Customer, String> names = new HashMap<>();
        tx.select(CONVERSATIONS.ID, CONVERSATIONS.BUSINESS_ID, CONVERSATIONS.CHANNEL, CONVERSATIONS.CUSTOMER_HANDLE,
                        CONVERSATIONS.CUSTOMER_NAME)
                .from(CONVERSATIONS)
                .where(CONVERSATIONS.ID.in(ids).and(NEEDED))
                .forEach(r -> {
                    Customer customer = new Customer(r.value2(), r.value3().toLowerCase(Locale.ROOT), r.value4());
                    conversations.put(r.value1(), customer);
                    names.putIfAbsent(customer, r.value5() != null ? r.value5() : r.value4());
                });
        Map<Customer, List<Long>> found = lookUp(tx, names.keySet());
        List<Customer> missing = names.keySet().stream().filter(c -> found.get(c).isEmpty()).sorted().toList();
        if (!missing.isEmpty()) {
            // In key order, so that concurrent runs never wait on each other in a cycle.
            tx.select(DSL.field("pg_advisory_xact_lock({0}, hashtext(k))", Object.class, DSL.inline(LOCK_NAMESPACE)))
                    .from(DSL.unnest(missing.stream().map(Customer::lockKey).toArray(String[]::new)).as("t", "k"))
                    .fetch();
            // Another run may have created some while this one waited for their locks.
            Map<Customer, List<Long>> recheck = lookUp(tx, missing);
            var insert = tx.insertInto(CONTACTS, CONTACTS.BUSINESS_ID, CONTACTS.NAME, CONTACTS.HANDLES,
                    CONTACTS.FIRST_SEEN_AT, CONTACTS.CREATED_AT, CONTACTS.UPDATED_AT);
            List<Customer> created = new ArrayList<>();
            for (Customer customer : missing) {
                if (recheck.get(customer).isEmpty()) {
                    insert = insert.values(DSL.val(customer.businessId()), DSL.val(names.get(customer)),
                            DSL.val(customer.handles()), UtcTime.NOW, UtcTime.NOW, UtcTime.NOW);
                    created.add(customer);
                } else {
                    found.put(customer, recheck.get(customer));
                }
            }
            if (!created.isEmpty()) {
                List<Long> newIds = insert.returning(CONTACTS.ID).fetch(CONTACTS.ID);
                for (int i = 0; i < created.size(); i++) {
                    found.put(created.get(i), List.of(newIds.get(i)));
                }
            }
        }
        Map<Long, Long> links = new TreeMap<>();
        long ambiguous = 0;
        for (Map.Entry<Long, Customer> conversation : conversations.entrySet()) {
            List<Long> contacts = found.get(conversation.getValue());
            if (contacts.size() == 1) {
                links.put(conversation.getKey(), contacts.get(0));
            } else {
                ambiguous++;
            }
        }
        Map<String, Long> unresolved = ambiguous == 0 ? Map.of() : Map.of(AMBIGUOUS, ambiguous);
        if (links.isEmpty()) {
            return new BatchResult(0, Map.of(), unresolved);
        }
        var link = DSL.values(links.entrySet().stream().map(e -> DSL.row(e.getKey(), e.getValue()))
                .toArray(org.jooq.Row2[]::new)).as("link", "conversation_id", "contact_id");
        // Only where still NULL: a contact the application set meanwhile is kept.
        int linked = tx.update(CONVERSATIONS)
                .set(CONVERSATIONS.CONTACT_ID, link.field("contact_id", Long.class))
                .from(link)
                .where(CONVERSATIONS.ID.eq(link.field("conversation_id", Long.class))
                        .and(CONVERSATIONS.CONTACT_ID.isNull()))
                .execute();
        return new BatchResult(linked, Map.of(), unresolved);
    }

    /** The not deleted contacts of each customer's business that hold its handle, by customer (maybe empty). */
    private static Map<Customer, List<Long>> lookUp(DSLContext tx, java.util.Collection<Customer> customers) {
        Map<Customer, List<Long>> found = new HashMap<>();
        List<Customer> all = new ArrayList<>(customers);
        all.forEach(c -> found.put(c, new ArrayList<>()));
        for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
            List<Customer> chunk = all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK));
            Condition any = DSL.or(chunk.stream().map(c -> CONTACTS.BUSINESS_ID.eq(c.businessId())
                    .and(DSL.condition("{0} @> {1}", CONTACTS.HANDLES, DSL.val(c.handles())))).toList());
            // Each matching contact's handles as (channel, handle) pairs, so the match is exact, not textual.
            var handle = DSL.table("jsonb_each_text({0})", CONTACTS.HANDLES).as("h", "channel", "handle");
            for (Record r : tx.select(CONTACTS.ID, CONTACTS.BUSINESS_ID, DSL.field(DSL.name("h", "channel"), String.class),
                            DSL.field(DSL.name("h", "handle"), String.class))
                    .from(CONTACTS).crossJoin(DSL.lateral(handle))
                    .where(CONTACTS.DELETED_AT.isNull().and(any)).fetch()) {
                Customer holder = new Customer(r.get(CONTACTS.BUSINESS_ID), r.get(2, String.class),
                        r.get(3, String.class));
                List<Long> contacts = found.get(holder);
                if (contacts != null && !contacts.contains(r.get(CONTACTS.ID))) {
                    contacts.add(r.get(CONTACTS.ID));
                }
            }
        }
        return found;
    }

    private static String json(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (ch < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) ch));
                    } else {
                        quoted.append(ch);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    /** Conversations without a customer handle: nothing to link by (the job's batches never visit them). */
    @Override
    public Map<String, Long> unresolvedElsewhere(DSLContext dsl) {
        long noHandle = dsl.fetchCount(CONVERSATIONS, CONVERSATIONS.CONTACT_ID.isNull()
                .and(CONVERSATIONS.CUSTOMER_HANDLE.isNull()).and(CONVERSATIONS.DELETED_AT.isNull()));
        return noHandle == 0 ? Map.of() : Map.of("no customer handle", noHandle);
    }
}

package com.inboop.db;

import static com.inboop.db.schema.Tables.BUSINESSES;
import static com.inboop.db.schema.Tables.CONTACTS;
import static com.inboop.db.schema.Tables.CONVERSATIONS;
import static com.inboop.db.schema.Tables.LEADS;
import static com.inboop.db.schema.Tables.MESSAGES;
import static com.inboop.db.schema.Tables.ORDERS;
import static com.inboop.db.schema.Tables.USERS;
import static com.inboop.db.schema.Tables.WORKSPACES;
import static com.inboop.db.schema.Tables.WORKSPACE_MEMBERS;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import com.inboop.codegen.junit.TestDatabase;
import com.inboop.db.schema.enums.IntentLabel;
import com.inboop.db.schema.enums.LeadStatus;
import com.inboop.db.schema.enums.OrderStatus;
import com.inboop.db.schema.enums.PaymentStatus;
import com.inboop.db.schema.tables.records.ConversationsRecord;

/**
 * Test data written through the generated classes, shaped like production: a workspace has an owner and one
 * business (created with it), and conversations, leads and orders belong to the business. Businesses are written as
 * the backend writes them, without a workspace_id: the database places them in their owner's workspace (V038).
 * Readable defaults that tests override where it matters.
 */
public final class Seed {

    /** A fixed "now" (UTC, as the schema stores time) so that activity times are predictable. */
    public static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 25, 12, 0, 0);

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final DSLContext dsl;

    public Seed(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** What this seed writes through (inside {@link #beforeTheTriggers}: the one connection without triggers). */
    public DSLContext dsl() {
        return dsl;
    }

    public static DSLContext dsl(TestDatabase database) {
        return DSL.using(database.dataSource(), SQLDialect.POSTGRES);
    }

    /**
     * Writes rows as they were before inboop-db's triggers existed (production's rows on the day of its first
     * migrate): on one connection with {@code session_replication_role = replica}, under which no trigger fires, so
     * typed columns stay as written (NULL for a legacy-only row) and businesses unplaced.
     */
    public void beforeTheTriggers(Consumer<Seed> writes) {
        dsl.connection(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("SET session_replication_role = replica");
            }
            try {
                writes.accept(new Seed(DSL.using(connection, SQLDialect.POSTGRES)));
            } finally {
                try (var statement = connection.createStatement()) {
                    statement.execute("RESET session_replication_role");
                }
            }
        });
    }

    /** A workspace with an owner and one business; returns the workspace's id. */
    public long workspace(String name) {
        long owner = newUser(name + "-owner-" + SEQUENCE.incrementAndGet() + "@example.com");
        long workspace = dsl.insertInto(WORKSPACES, WORKSPACES.NAME, WORKSPACES.OWNER_ID).values(name, owner)
                .returning(WORKSPACES.ID).fetchOne().getId();
        business(workspace, name + " shop");
        return workspace;
    }

    /**
     * Another business of the workspace's owner, inserted as the backend inserts one (no workspace_id); the owner
     * owns this one workspace, so the database places it there.
     */
    public long business(long workspaceId, String name) {
        long owner = dsl.select(WORKSPACES.OWNER_ID).from(WORKSPACES).where(WORKSPACES.ID.eq(workspaceId))
                .fetchSingle().value1();
        return dsl.insertInto(BUSINESSES, BUSINESSES.NAME, BUSINESSES.OWNER_ID, BUSINESSES.CREATED_AT)
                .values(name, owner, NOW.minusDays(60))
                .returning(BUSINESSES.ID).fetchOne().getId();
    }

    /** The workspace's first business, where {@code conversation}, {@code lead} and {@code order} put their rows. */
    public long businessOf(long workspaceId) {
        return dsl.select(BUSINESSES.ID).from(BUSINESSES).where(BUSINESSES.WORKSPACE_ID.eq(workspaceId))
                .orderBy(BUSINESSES.ID).limit(1).fetchSingle().value1();
    }

    /** A user who is a member of the workspace; emails are unique across Inboop, so the sequence makes it so. */
    public long user(long workspaceId, String email) {
        long user = newUser(email.replace("@", "+" + SEQUENCE.incrementAndGet() + "@"));
        dsl.insertInto(WORKSPACE_MEMBERS, WORKSPACE_MEMBERS.WORKSPACE_ID, WORKSPACE_MEMBERS.USER_ID)
                .values(workspaceId, user).execute();
        return user;
    }

    private long newUser(String email) {
        return dsl.insertInto(USERS, USERS.NAME, USERS.EMAIL, USERS.PASSWORD)
                .values(email, email, "{noop}not-a-password")
                .returning(USERS.ID).fetchOne().getId();
    }

    public long contact(long workspaceId, String name) {
        return dsl.insertInto(CONTACTS, CONTACTS.BUSINESS_ID, CONTACTS.NAME).values(businessOf(workspaceId), name)
                .returning(CONTACTS.ID).fetchOne().getId();
    }

    /** A conversation of the workspace's business whose last message was {@code minutesAgo} before {@link #NOW}. */
    public ConversationsRecord conversation(long workspaceId, String channel, int minutesAgo) {
        ConversationsRecord record = dsl.newRecord(CONVERSATIONS);
        int n = SEQUENCE.incrementAndGet();
        record.setBusinessId(businessOf(workspaceId));
        record.setChannel(channel);
        record.setInstagramConversationId("thread-" + n);
        record.setCustomerHandle("handle" + n);
        record.setLastMessageAt(NOW.minusMinutes(minutesAgo));
        record.setCreatedAt(NOW.minusDays(30));
        record.store();
        return record;
    }

    /** Changes and stores a conversation. */
    public ConversationsRecord update(ConversationsRecord record, Consumer<ConversationsRecord> change) {
        change.accept(record);
        record.store();
        return record;
    }

    public void message(long conversationId, String text, int minutesAgo) {
        dsl.insertInto(MESSAGES, MESSAGES.CONVERSATION_ID, MESSAGES.SENDER_ID, MESSAGES.ORIGINAL_TEXT,
                        MESSAGES.IS_FROM_CUSTOMER, MESSAGES.SENT_AT, MESSAGES.CREATED_AT)
                .values(conversationId, "customer", text, true, NOW.minusMinutes(minutesAgo),
                        NOW.minusMinutes(minutesAgo))
                .execute();
    }

    /** A lead written as inboop-db writes one: the typed status and the legacy one agree. */
    public long lead(long workspaceId, LeadStatus status, String source, int minutesAgo) {
        return legacyLead(workspaceId, status, status == null ? "NEW" : status.getLiteral(), source, minutesAgo);
    }

    /**
     * A lead as the backend writes one: only the legacy varchar status (the trigger fills the typed column; inside
     * {@link #beforeTheTriggers} it stays NULL).
     */
    public long legacyLead(long workspaceId, String legacyStatus, int minutesAgo) {
        return legacyLead(workspaceId, null, legacyStatus, null, minutesAgo);
    }

    private long legacyLead(long workspaceId, LeadStatus status, String legacyStatus, String source, int minutesAgo) {
        return dsl.insertInto(LEADS, LEADS.BUSINESS_ID, LEADS.INSTAGRAM_USER_ID, LEADS.CUSTOMER_NAME, LEADS.STATUS,
                        LEADS.STATUS_ENUM, LEADS.SOURCE, LEADS.VALUE, LEADS.CREATED_AT)
                .values(businessOf(workspaceId), "ig-" + SEQUENCE.incrementAndGet(), "customer", legacyStatus, status,
                        source, new BigDecimal("10.00"), NOW.minusMinutes(minutesAgo))
                .returning(LEADS.ID).fetchOne().getId();
    }

    /** Sets a lead's typed status alone (inside {@link #beforeTheTriggers}: a value an older writer left there). */
    public void typed(long leadId, LeadStatus status) {
        dsl.update(LEADS).set(LEADS.STATUS_ENUM, status).where(LEADS.ID.eq(leadId)).execute();
    }

    /** Assigns a lead in the backend's own column alone, as the backend does. */
    public void assignLegacy(long leadId, Long userId) {
        dsl.update(LEADS).set(LEADS.ASSIGNED_TO, userId).where(LEADS.ID.eq(leadId)).execute();
    }

    /** Sets an order's legacy statuses alone, as the backend writes them. */
    public void legacyOrder(long orderId, String status, String paymentStatus) {
        dsl.update(ORDERS).set(ORDERS.STATUS, status).set(ORDERS.PAYMENT_STATUS, paymentStatus)
                .where(ORDERS.ID.eq(orderId)).execute();
    }

    /** An order written as inboop-db writes one: typed and legacy statuses agree. */
    public long order(long workspaceId, OrderStatus status, PaymentStatus payment, int minutesAgo) {
        return dsl.insertInto(ORDERS, ORDERS.ORDER_NUMBER, ORDERS.BUSINESS_ID, ORDERS.STATUS, ORDERS.STATUS_ENUM,
                        ORDERS.PAYMENT_STATUS, ORDERS.PAYMENT_STATUS_ENUM, ORDERS.TOTAL_AMOUNT, ORDERS.CURRENCY,
                        ORDERS.ORDER_DATE, ORDERS.CREATED_AT)
                .values("ORD-" + SEQUENCE.incrementAndGet(), businessOf(workspaceId),
                        status == null ? "PENDING" : status.getLiteral(), status,
                        payment == null ? null : payment.getLiteral(), payment, new BigDecimal("25.00"), "EUR",
                        NOW.minusMinutes(minutesAgo), NOW.minusMinutes(minutesAgo))
                .returning(ORDERS.ID).fetchOne().getId();
    }

    /** Sets an intent label on a conversation, typed and legacy. */
    public void intent(ConversationsRecord conversation, IntentLabel label) {
        update(conversation, c -> c.setIntentLabelEnum(label).setIntentLabel(label == null ? null : label.getLiteral()));
    }
}

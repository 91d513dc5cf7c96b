package com.inboop.db;

import static com.inboop.db.schema.Tables.CONTACTS;
import static com.inboop.db.schema.Tables.CONVERSATIONS;
import static com.inboop.db.schema.Tables.LEADS;
import static com.inboop.db.schema.Tables.MESSAGES;
import static com.inboop.db.schema.Tables.ORDERS;
import static com.inboop.db.schema.Tables.USERS;
import static com.inboop.db.schema.Tables.WORKSPACES;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import com.inboop.codegen.junit.TestDatabase;
import com.inboop.db.schema.enums.IntentLabel;
import com.inboop.db.schema.enums.LeadStatus;
import com.inboop.db.schema.enums.OrderStatus;
import com.inboop.db.schema.enums.PaymentStatus;
import com.inboop.db.schema.tables.records.ConversationsRecord;

/** Test data written through the generated classes, with readable defaults that tests override where it matters. */
public final class Seed {

    /** A fixed "now" so that activity times are predictable. */
    public static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 25, 12, 0, 0, 0, ZoneOffset.UTC);

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final DSLContext dsl;

    public Seed(DSLContext dsl) {
        this.dsl = dsl;
    }

    public static DSLContext dsl(TestDatabase database) {
        return DSL.using(database.dataSource(), SQLDialect.POSTGRES);
    }

    public long workspace(String name) {
        return dsl.insertInto(WORKSPACES, WORKSPACES.NAME).values(name).returning(WORKSPACES.ID).fetchOne()
                .getId();
    }

    public long user(long workspaceId, String email) {
        return dsl.insertInto(USERS, USERS.WORKSPACE_ID, USERS.EMAIL).values(workspaceId, email)
                .returning(USERS.ID).fetchOne().getId();
    }

    public long contact(long workspaceId, String displayName) {
        return dsl.insertInto(CONTACTS, CONTACTS.WORKSPACE_ID, CONTACTS.DISPLAY_NAME).values(workspaceId, displayName)
                .returning(CONTACTS.ID).fetchOne().getId();
    }

    /** A conversation whose last message was {@code minutesAgo} before {@link #NOW}. */
    public ConversationsRecord conversation(long workspaceId, String channel, int minutesAgo) {
        ConversationsRecord record = dsl.newRecord(CONVERSATIONS);
        record.setWorkspaceId(workspaceId);
        record.setChannel(channel);
        record.setExternalThreadId("thread-" + THREADS.incrementAndGet());
        record.setCustomerHandle("handle" + THREADS.get());
        record.setLastMessageAt(NOW.minusMinutes(minutesAgo));
        record.setCreatedAt(NOW.minusDays(30));
        record.store();
        return record;
    }

    /** Changes and stores a conversation. */
    public ConversationsRecord update(ConversationsRecord record, java.util.function.Consumer<ConversationsRecord> change) {
        change.accept(record);
        record.store();
        return record;
    }

    public void message(long conversationId, String body, int minutesAgo) {
        dsl.insertInto(MESSAGES, MESSAGES.CONVERSATION_ID, MESSAGES.BODY, MESSAGES.IS_FROM_CUSTOMER, MESSAGES.CREATED_AT)
                .values(conversationId, body, true, NOW.minusMinutes(minutesAgo)).execute();
    }

    public long lead(long workspaceId, LeadStatus status, String source, int minutesAgo) {
        return dsl.insertInto(LEADS, LEADS.WORKSPACE_ID, LEADS.TITLE, LEADS.STATUS, LEADS.SOURCE, LEADS.VALUE,
                        LEADS.CREATED_AT)
                .values(workspaceId, "lead", status, source, new BigDecimal("10.00"), NOW.minusMinutes(minutesAgo))
                .returning(LEADS.ID).fetchOne().getId();
    }

    public long order(long workspaceId, OrderStatus status, PaymentStatus payment, int minutesAgo) {
        return dsl.insertInto(ORDERS, ORDERS.WORKSPACE_ID, ORDERS.STATUS, ORDERS.PAYMENT_STATUS, ORDERS.TOTAL,
                        ORDERS.CURRENCY, ORDERS.CREATED_AT)
                .values(workspaceId, status, payment, new BigDecimal("25.00"), "EUR", NOW.minusMinutes(minutesAgo))
                .returning(ORDERS.ID).fetchOne().getId();
    }

    /** Sets an intent label on a conversation directly. */
    public void intent(ConversationsRecord conversation, IntentLabel label) {
        update(conversation, c -> c.setIntentLabel(label));
    }
}

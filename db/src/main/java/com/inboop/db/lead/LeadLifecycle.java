package com.inboop.db.lead;

import static com.inboop.db.schema.Tables.CONVERSATIONS;
import static com.inboop.db.schema.Tables.LEADS;

import java.util.List;

import org.jooq.DSLContext;

import com.inboop.db.NotFoundException;
import com.inboop.db.internal.check.Arguments;
import com.inboop.db.internal.check.Ids;
import com.inboop.db.internal.failure.DatabaseFailures;
import com.inboop.db.internal.legacy.EffectiveStatus;
import com.inboop.db.internal.lifecycle.Atomically;
import com.inboop.db.internal.lifecycle.CreatedIn;
import com.inboop.db.internal.lifecycle.LeadStatuses;
import com.inboop.db.internal.lifecycle.StatusChange;
import com.inboop.db.internal.sql.Literals;
import com.inboop.db.internal.sql.UtcTime;
import com.inboop.db.internal.sql.WorkspaceScope;
import com.inboop.db.lifecycle.IllegalTransitionException;
import com.inboop.db.lifecycle.Transition;
import com.inboop.db.schema.enums.LeadStatus;
import com.inboop.db.schema.tables.records.ConversationsRecord;

/**
 * Leads under the service-level rules (enforced here, not by triggers, as the design says): NEW may become
 * CONVERTED, CLOSED or LOST; those three are final and never reopen (a returning customer gets a new lead). A
 * conversation has at most one NEW lead: opening one closes the NEW one before it as CLOSED ("superseded").
 * Every change is a compare-and-set: it applies only if the lead still has the status the caller saw, so a
 * concurrent change is never overwritten.
 *
 * <p>A lead's status is its typed column ({@code status_enum}), else its legacy column's mapping: a legacy
 * CONTACTED lead is NEW. A change writes both columns in the same UPDATE, the design value into both (every design
 * value is also a legacy value the backend understands), so the backend, which still reads {@code status}, sees it.
 */
public final class LeadLifecycle {

    private final DSLContext dsl;

    /** Lead changes through {@code dsl} (dialect POSTGRES). */
    public LeadLifecycle(DSLContext dsl) {
        this.dsl = DatabaseFailures.translating(dsl);
    }

    /** Whether the lifecycle allows {@code from} to become {@code to}. */
    public static boolean allows(LeadStatus from, LeadStatus to) {
        return LeadStatuses.RULES.allows(from, to);
    }

    /**
     * Changes the lead from {@code expected} to {@code target} if it still is {@code expected}.
     *
     * @throws IllegalTransitionException if the lifecycle forbids the change (before any SQL)
     * @throws NotFoundException          if the lead is not in the workspace (or deleted)
     */
    public Transition<LeadStatus> changeStatus(long workspaceId, long leadId, LeadStatus expected, LeadStatus target) {
        Ids.require("workspaceId", workspaceId);
        Ids.require("leadId", leadId);
        Arguments.require("expected", expected);
        Arguments.require("target", target);
        LeadStatuses.RULES.require(expected, target);
        return LeadStatuses.STATUS.change(dsl, LeadStatuses.lead(workspaceId, leadId),
                StatusChange.of(expected, target, LEADS.UPDATED_AT, UtcTime.NOW),
                () -> new NotFoundException("lead", leadId, workspaceId));
    }

    /**
     * Opens a NEW lead in a conversation. In one transaction, with the conversation's row locked so that two
     * openings in the same conversation take turns: the conversation's NEW leads become CLOSED (superseded), the
     * new lead is inserted (business, contact, channel and customer copied from the conversation), and the
     * conversation's lead_count goes up by one.
     *
     * @throws NotFoundException if the conversation is not in the workspace (or deleted)
     */
    public LeadCreated create(long workspaceId, NewLead lead) {
        Ids.require("workspaceId", workspaceId);
        Arguments.require("lead", lead);
        return Atomically.result(dsl, configuration -> {
            DSLContext tx = configuration.dsl();
            ConversationsRecord conversation = CreatedIn.lock(tx, workspaceId, lead.conversationId());
            if (lead.createdByUserId() != null) {
                WorkspaceScope.requireUser(tx, workspaceId, "createdByUserId", lead.createdByUserId(),
                        "recorded as a lead's creator");
            }
            List<Long> superseded = tx.update(LEADS)
                    .set(LEADS.STATUS_ENUM, LeadStatus.CLOSED)
                    .set(LEADS.STATUS, LeadStatus.CLOSED.getLiteral())
                    .set(LEADS.UPDATED_AT, UtcTime.NOW)
                    .where(LEADS.CONVERSATION_ID.eq(conversation.getId()).and(LEADS.DELETED_AT.isNull())
                            .and(Literals.eq(EffectiveStatus.LEAD, LeadStatus.NEW)))
                    .returning(LEADS.ID)
                    .fetch(LEADS.ID);
            long id = tx.insertInto(LEADS)
                    .set(LEADS.BUSINESS_ID, conversation.getBusinessId())
                    .set(LEADS.CONVERSATION_ID, conversation.getId())
                    .set(LEADS.CONTACT_ID, conversation.getContactId())
                    .set(LEADS.INSTAGRAM_USER_ID, firstOf(conversation.getInstagramScopedUserId(),
                            conversation.getCustomerHandle(), "conversation-" + conversation.getId()))
                    .set(LEADS.INSTAGRAM_USERNAME, conversation.getCustomerHandle())
                    .set(LEADS.CUSTOMER_NAME, conversation.getCustomerName())
                    .set(LEADS.CHANNEL, conversation.getChannel())
                    .set(LEADS.STATUS_ENUM, LeadStatus.NEW)
                    .set(LEADS.STATUS, LeadStatus.NEW.getLiteral())
                    .set(LEADS.SOURCE, lead.source())
                    .set(LEADS.CREATED_BY, lead.createdByUserId())
                    .set(LEADS.NOTES, lead.notes())
                    .set(LEADS.VALUE, lead.value())
                    .set(LEADS.CREATED_AT, UtcTime.NOW)
                    .set(LEADS.UPDATED_AT, UtcTime.NOW)
                    .returning(LEADS.ID)
                    .fetchSingle(LEADS.ID);
            CreatedIn.count(tx, conversation, CONVERSATIONS.LEAD_COUNT);
            return new LeadCreated(id, superseded);
        });
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        throw new IllegalStateException("the last value is never blank");
    }
}

package com.inboop.db.internal.lifecycle;

import static com.inboop.db.schema.Tables.LEADS;

import org.jooq.Condition;

import com.inboop.db.internal.legacy.EffectiveStatus;
import com.inboop.db.internal.sql.WorkspaceScope;
import com.inboop.db.schema.enums.LeadStatus;

/**
 * The lead lifecycle's rules and its compare-and-set, in one place for the two that change a lead's status: the lead
 * lifecycle itself, and an order that converts the lead it names.
 */
public final class LeadStatuses {

    /** NEW may become CONVERTED, CLOSED or LOST; those three are final. */
    public static final StatusRules<LeadStatus> RULES = StatusRules.of("A lead", "create a new lead instead",
            LeadStatus.class, StatusRules.step(LeadStatus.NEW, LeadStatus.CONVERTED),
            StatusRules.step(LeadStatus.NEW, LeadStatus.CLOSED), StatusRules.step(LeadStatus.NEW, LeadStatus.LOST));

    /** A lead's status change: the typed column and its legacy twin, from the effective status. */
    public static final CompareAndSet<LeadStatus> STATUS =
            new CompareAndSet<>(LEADS, LEADS.STATUS_ENUM, LEADS.STATUS, EffectiveStatus.LEAD);

    private LeadStatuses() {
    }

    /** The lead, in the workspace, not deleted. */
    public static Condition lead(long workspaceId, long leadId) {
        return LEADS.ID.eq(leadId).and(WorkspaceScope.ownsBusiness(workspaceId, LEADS.BUSINESS_ID))
                .and(LEADS.DELETED_AT.isNull());
    }
}

package com.inboop.db.status;

import static com.inboop.db.schema.Tables.LEADS;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;

import com.inboop.db.Ids;
import com.inboop.db.InvalidRequestException;
import com.inboop.db.NotFoundException;
import com.inboop.db.UtcTime;
import com.inboop.db.WorkspaceScope;
import com.inboop.db.legacy.LegacyMapping;
import com.inboop.db.schema.enums.LeadStatus;

/**
 * Lead status changes under the service-level rules (enforced here, not by triggers, as the design says):
 * NEW may become CONVERTED, CLOSED or LOST; those three are final and never reopen, since reopening would rewrite
 * the history that reports count on (a returning customer gets a new lead). Every change is a compare-and-set: it
 * applies only if the lead still has the status the caller saw, so a concurrent change is never overwritten.
 *
 * <p>A lead's status is its typed column ({@code status_enum}), else its legacy column's mapping: a legacy
 * CONTACTED lead is NEW. A change writes both columns in the same UPDATE, the design value into both (every design
 * value is also a legacy value the backend understands), so the backend, which still reads {@code status}, sees it.
 */
public final class LeadLifecycle {

    private static final Map<LeadStatus, Set<LeadStatus>> ALLOWED = Map.of(
            LeadStatus.NEW, EnumSet.of(LeadStatus.CONVERTED, LeadStatus.CLOSED, LeadStatus.LOST),
            LeadStatus.CONVERTED, EnumSet.noneOf(LeadStatus.class),
            LeadStatus.CLOSED, EnumSet.noneOf(LeadStatus.class),
            LeadStatus.LOST, EnumSet.noneOf(LeadStatus.class));

    private final DSLContext dsl;

    /** Lead changes through {@code dsl} (dialect POSTGRES). */
    public LeadLifecycle(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Whether the lifecycle allows {@code from} to become {@code to}. */
    public static boolean allows(LeadStatus from, LeadStatus to) {
        return ALLOWED.getOrDefault(from, Set.of()).contains(to);
    }

    static String explain(LeadStatus from) {
        Set<LeadStatus> next = ALLOWED.getOrDefault(from, Set.of());
        return next.isEmpty() ? from + " is final; create a new lead instead"
                : "from " + from + " a lead can become " + next;
    }

    /**
     * Changes the lead from {@code expected} to {@code target} if it still is {@code expected}.
     *
     * @throws IllegalLeadTransitionException if the lifecycle forbids the change (before any SQL)
     * @throws NotFoundException              if the lead is not in the workspace (or deleted)
     */
    public LeadTransition change(long workspaceId, long leadId, LeadStatus expected, LeadStatus target) {
        Ids.require("workspaceId", workspaceId);
        Ids.require("leadId", leadId);
        if (expected == null || target == null) {
            throw new InvalidRequestException(expected == null ? "expected" : "target", "must not be null");
        }
        if (!allows(expected, target)) {
            throw new IllegalLeadTransitionException(expected, target);
        }
        Condition lead = LEADS.ID.eq(leadId).and(WorkspaceScope.ownsBusiness(workspaceId, LEADS.BUSINESS_ID))
                .and(LEADS.DELETED_AT.isNull());
        int updated = dsl.update(LEADS)
                .set(LEADS.STATUS_ENUM, target)
                .set(LEADS.STATUS, target.getLiteral())
                .set(LEADS.UPDATED_AT, UtcTime.NOW)
                .where(lead.and(LegacyMapping.LEAD_STATUS.isIn(LEADS.STATUS_ENUM, LEADS.STATUS, List.of(expected))))
                .execute();
        if (updated == 1) {
            return new LeadTransition(true, target);
        }
        var current = dsl.select(LEADS.STATUS_ENUM, LEADS.STATUS).from(LEADS).where(lead).fetchOptional();
        if (current.isEmpty()) {
            throw new NotFoundException("lead", leadId, workspaceId);
        }
        return new LeadTransition(false,
                LegacyMapping.LEAD_STATUS.effective(current.get().value1(), current.get().value2()));
    }
}

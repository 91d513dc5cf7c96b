package com.inboop.db.lead;

import java.util.List;

/**
 * A lead opened by {@link LeadLifecycle#create}.
 *
 * @param leadId     the new lead, NEW
 * @param superseded the conversation's leads that were NEW and are now CLOSED because of it (at most one, unless
 *                   legacy data held several)
 */
public record LeadCreated(long leadId, List<Long> superseded) {

    public LeadCreated {
        superseded = List.copyOf(superseded);
    }
}

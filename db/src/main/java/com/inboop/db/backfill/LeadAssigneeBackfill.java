package com.inboop.db.backfill;

import static com.inboop.db.schema.Tables.LEADS;

import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * {@code leads.assigned_to_user_id}, the design's assignee column, from the backend's {@code leads.assigned_to}
 * where it is still NULL. {@code assigned_to} is only read.
 */
public final class LeadAssigneeBackfill extends KeysetBackfill {

    private static final Condition NEEDED = LEADS.ASSIGNED_TO_USER_ID.isNull().and(LEADS.ASSIGNED_TO.isNotNull());

    public LeadAssigneeBackfill() {
        super(LEADS, LEADS.ID, NEEDED);
    }

    @Override
    public String name() {
        return "lead-assignee";
    }

    @Override
    public int fill(DSLContext tx, List<Long> ids) {
        return tx.update(LEADS).set(LEADS.ASSIGNED_TO_USER_ID, LEADS.ASSIGNED_TO).where(LEADS.ID.in(ids).and(NEEDED))
                .execute();
    }
}

package com.inboop.db.backfill;

import static com.inboop.db.schema.Tables.LEADS;

import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;

import com.inboop.db.schema.enums.LeadStatus;

/** {@code leads.status}: NULL (legacy leads, from before the column) becomes NEW. */
public final class LeadStatusBackfill extends KeysetBackfill {

    private static final Condition NEEDED = LEADS.STATUS.isNull();

    public LeadStatusBackfill() {
        super(LEADS, LEADS.ID, NEEDED);
    }

    @Override
    public String name() {
        return "lead-status";
    }

    @Override
    public int fill(DSLContext tx, List<Long> ids) {
        return tx.update(LEADS).set(LEADS.STATUS, LeadStatus.NEW).where(LEADS.ID.in(ids).and(NEEDED)).execute();
    }
}

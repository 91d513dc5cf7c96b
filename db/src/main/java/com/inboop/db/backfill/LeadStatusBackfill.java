package com.inboop.db.backfill;

import static com.inboop.db.schema.Tables.LEADS;

import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;

import com.inboop.db.schema.enums.LeadStatus;

/** {@code leads.status}: NULL (legacy leads, from before the column) becomes NEW. */
public final class LeadStatusBackfill implements BackfillJob {

    private static final Condition NEEDED = LEADS.STATUS.isNull();

    @Override
    public String name() {
        return "lead-status";
    }

    @Override
    public long remaining(DSLContext dsl) {
        return dsl.fetchCount(LEADS, NEEDED);
    }

    @Override
    public List<Long> nextIds(DSLContext dsl, long afterId, int limit) {
        return dsl.select(LEADS.ID).from(LEADS).where(LEADS.ID.gt(afterId).and(NEEDED)).orderBy(LEADS.ID).limit(limit)
                .fetch(LEADS.ID);
    }

    @Override
    public int fill(DSLContext tx, List<Long> ids) {
        return tx.update(LEADS).set(LEADS.STATUS, LeadStatus.NEW).where(LEADS.ID.in(ids).and(NEEDED)).execute();
    }
}

package com.inboop.db.internal.backfill;

import static com.inboop.db.schema.Tables.LEADS;
import static com.inboop.db.schema.Tables.ORDERS;

import java.util.List;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * {@code leads.order_count} (V067) for the leads inserted before V068 gave new ones 0: the live orders naming each.
 * Until a lead is counted, the leads list's "has orders" filter looks at its orders (and finds it through
 * idx_leads_list_with_orders); once every lead is counted, that index holds only leads with orders.
 *
 * <p>Exact under concurrent writes of orders: the batch first locks its leads, which V069's trigger also locks for
 * every order it counts, so the count (a later statement) sees every order whose transaction touched a lead before
 * the lock, and an order written after waits for the batch and then adds to the count it wrote.
 */
public final class LeadOrderCountsBackfill extends KeysetBackfill {

    public LeadOrderCountsBackfill() {
        super(LEADS, LEADS.ID, LEADS.ORDER_COUNT.isNull());
    }

    @Override
    public String name() {
        return "lead-order-counts";
    }

    @Override
    public BatchResult fill(DSLContext tx, List<Long> ids) {
        tx.select(LEADS.ID).from(LEADS).where(LEADS.ID.in(ids)).forNoKeyUpdate().fetch();
        return BatchResult.changed(tx.update(LEADS)
                .set(LEADS.ORDER_COUNT, DSL.selectCount().from(ORDERS)
                        .where(ORDERS.LEAD_ID.eq(LEADS.ID)).and(ORDERS.DELETED_AT.isNull()).<Integer>asField())
                .where(LEADS.ID.in(ids))
                .and(LEADS.ORDER_COUNT.isNull())
                .execute());
    }
}

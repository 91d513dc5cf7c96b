package com.inboop.db.internal.backfill;

import static com.inboop.db.schema.Tables.BUSINESSES;
import static com.inboop.db.schema.Tables.CONVERSATION_COUNTS_KEPT;

import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import com.inboop.db.internal.legacy.EffectiveStatus;

/**
 * The base of a business's kept tab counts (V063..V066), for the businesses inserted before V066: its active
 * conversations counted per group at one instant, written to conversation_count_changes in place of the changes
 * recorded before that instant, and the business named in conversation_counts_kept. From then on
 * {@code InboxQuery.tabCounts} sums its few rows instead of counting its conversations.
 *
 * <p>Exact under concurrent writes: the count and the replacement are one statement, so they see the same committed
 * conversations and changes; a change committed after that instant is in neither and stays, added on top. The
 * statement runs after the business's fold lock is taken (the one inboop_fold_conversation_counts only tries), so no
 * fold moves rows under it; it needs READ COMMITTED, where a statement sees what committed before it began.
 */
public final class InboxTabCountsBackfill implements BackfillJob {

    private static final Condition NEEDED = BUSINESSES.ID.notIn(
            DSL.select(CONVERSATION_COUNTS_KEPT.BUSINESS_ID).from(CONVERSATION_COUNTS_KEPT));

    @Override
    public String name() {
        return "inbox-tab-counts";
    }

    @Override
    public long remaining(DSLContext dsl) {
        return dsl.fetchCount(BUSINESSES, NEEDED);
    }

    @Override
    public List<Long> nextIds(DSLContext dsl, long afterId, int limit) {
        return dsl.select(BUSINESSES.ID).from(BUSINESSES).where(BUSINESSES.ID.gt(afterId).and(NEEDED))
                .orderBy(BUSINESSES.ID).limit(limit).fetch(BUSINESSES.ID);
    }

    @Override
    public BatchResult fill(DSLContext tx, List<Long> ids) {
        String isolation = tx.select(DSL.field("current_setting('transaction_isolation')", String.class)).fetchSingle().value1();
        if (!"read committed".equals(isolation)) {
            throw new IllegalStateException("The inbox-tab-counts job needs READ COMMITTED transactions, found "
                    + isolation + ": set the connection's default isolation level back");
        }
        int kept = 0;
        for (long business : ids) {
            tx.execute("SELECT pg_advisory_xact_lock(hashtext('inboop_conversation_counts'), hashtext({0}::text))",
                    DSL.inline(business));
            tx.execute("""
                    WITH recorded AS (DELETE FROM public.conversation_count_changes WHERE business_id = {0})
                    INSERT INTO public.conversation_count_changes (business_id, assigned_to_user_id, intent_label, unread, change)
                    SELECT business_id, assigned_to_user_id, {1}, coalesce(unread_count, 0) > 0, count(*)
                      FROM public.conversations
                     WHERE business_id = {0} AND archived_at IS NULL AND deleted_at IS NULL
                     GROUP BY business_id, assigned_to_user_id, {1}, coalesce(unread_count, 0) > 0""",
                    DSL.inline(business), EffectiveStatus.INTENT);
            kept += tx.insertInto(CONVERSATION_COUNTS_KEPT).set(CONVERSATION_COUNTS_KEPT.BUSINESS_ID, business)
                    .onConflictDoNothing().execute();
        }
        return BatchResult.changed(kept);
    }
}

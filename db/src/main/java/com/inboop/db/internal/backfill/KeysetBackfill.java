package com.inboop.db.internal.backfill;

import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * A job over one table whose rows still needing it are those matching a condition (their target is NULL): counts
 * and keyset batches by id come from that condition alone.
 */
public abstract class KeysetBackfill implements BackfillJob {

    private final Table<?> table;
    private final Field<Long> id;
    private final Condition needed;

    KeysetBackfill(Table<?> table, Field<Long> id, Condition needed) {
        this.table = table;
        this.id = id;
        this.needed = needed;
    }

    @Override
    public final long remaining(DSLContext dsl) {
        return dsl.fetchCount(table, needed);
    }

    @Override
    public final List<Long> nextIds(DSLContext dsl, long afterId, int limit) {
        return dsl.select(id).from(table).where(id.gt(afterId).and(needed)).orderBy(id).limit(limit).fetch(id);
    }
}

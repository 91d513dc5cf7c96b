package com.inboop.db.internal.backfill;

import static com.inboop.db.schema.Tables.BUSINESSES;
import static com.inboop.db.schema.Tables.WORKSPACES;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * {@code businesses.workspace_id} by the rule of migrations V038 to V040: a business without a workspace belongs to
 * the one live workspace its owner owns. The triggers place new businesses and V040 placed production's existing
 * ones, so on a migrated database this job finds nothing to place; what it is for is the report: every business
 * still in no workspace (so in no list), by why (its owner owns no workspace, or several, which is never guessed).
 * Such a business is placed by a person: {@code UPDATE businesses SET workspace_id = ... WHERE id = ...}.
 */
public final class BusinessWorkspaceBackfill extends KeysetBackfill {

    /** The one live workspace the owner owns, or NULL (V038's function). */
    private static final Field<Long> OWNED = DSL.function("inboop_owned_workspace", Long.class, BUSINESSES.OWNER_ID);
    private static final Condition UNPLACED = BUSINESSES.WORKSPACE_ID.isNull().and(BUSINESSES.DELETED_AT.isNull());
    private static final Condition NEEDED = UNPLACED.and(OWNED.isNotNull());

    public BusinessWorkspaceBackfill() {
        super(BUSINESSES, BUSINESSES.ID, NEEDED);
    }

    @Override
    public String name() {
        return "business-workspaces";
    }

    @Override
    public BatchResult fill(DSLContext tx, List<Long> ids) {
        return BatchResult.changed(tx.update(BUSINESSES).set(BUSINESSES.WORKSPACE_ID, OWNED)
                .where(BUSINESSES.ID.in(ids).and(NEEDED)).execute());
    }

    /** Unplaced businesses whose owner owns no live workspace, or several, by owner. */
    @Override
    public Map<String, Long> unresolvedElsewhere(DSLContext dsl) {
        Field<String> owned = DSL.select(DSL.field("string_agg({0}::text, ', ' ORDER BY {0})", String.class,
                        WORKSPACES.ID))
                .from(WORKSPACES)
                .where(WORKSPACES.OWNER_ID.eq(BUSINESSES.OWNER_ID).and(WORKSPACES.DELETED_AT.isNull()))
                .asField("owned");
        Map<String, Long> byOwner = new LinkedHashMap<>();
        dsl.select(BUSINESSES.OWNER_ID, owned, DSL.count())
                .from(BUSINESSES)
                .where(UNPLACED.and(OWNED.isNull()))
                .groupBy(BUSINESSES.OWNER_ID)
                .orderBy(DSL.count().desc(), BUSINESSES.OWNER_ID)
                .forEach(r -> byOwner.put("owner " + r.value1() + (r.value2() == null ? " owns no workspace"
                        : " owns workspaces " + r.value2()), (long) r.value3()));
        return byOwner;
    }
}

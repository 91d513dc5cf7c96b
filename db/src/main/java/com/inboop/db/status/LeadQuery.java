package com.inboop.db.status;

import static com.inboop.db.schema.Tables.LEADS;

import org.jooq.DSLContext;

import com.inboop.db.ArchiveView;
import com.inboop.db.Ids;
import com.inboop.db.paging.Cursors;
import com.inboop.db.paging.Keyset;
import com.inboop.db.paging.Page;
import com.inboop.db.paging.PageRequest;
import com.inboop.db.schema.enums.LeadStatus;

/** A workspace's leads by status, source, assignee and archive state, newest first, and counts by status. */
public final class LeadQuery {

    private final DSLContext dsl;
    private final Cursors cursors;

    public LeadQuery(DSLContext dsl) {
        this(dsl, Cursors.withDefaultKey());
    }

    public LeadQuery(DSLContext dsl, Cursors cursors) {
        this.dsl = dsl;
        this.cursors = cursors;
    }

    /** One page of leads matching {@code filter}, newest first. */
    public Page<LeadRow> page(long workspaceId, LeadFilter filter, PageRequest request) {
        Ids.require("workspaceId", workspaceId);
        var ordered = dsl.select(LEADS.ID, LEADS.CONVERSATION_ID, LEADS.TITLE, LEADS.STATUS, LEADS.SOURCE,
                        LEADS.ASSIGNED_TO_USER_ID, LEADS.VALUE, LEADS.CREATED_AT)
                .from(LEADS)
                .where(LEADS.WORKSPACE_ID.eq(workspaceId).and(LEADS.DELETED_AT.isNull()).and(filter.condition()))
                .orderBy(LEADS.CREATED_AT.desc(), LEADS.ID.desc());
        return Keyset.page(ordered, request, Keyset.scope("leads", workspaceId, filter.canonical()), cursors,
                r -> new LeadRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                        r.value8()),
                row -> Cursors.Position.of(row.createdAt(), row.id()));
    }

    /** Leads per status in the workspace's active or archived leads. */
    public StatusCounts<LeadStatus> countByStatus(long workspaceId, ArchiveView view) {
        Ids.require("workspaceId", workspaceId);
        return StatusCounting.count(dsl, LEADS, LEADS.STATUS, LeadStatus.class, LEADS.WORKSPACE_ID.eq(workspaceId)
                .and(LEADS.DELETED_AT.isNull()).and(view.condition(LEADS.ARCHIVED_AT)));
    }
}

package com.inboop.db.lead;

import static com.inboop.db.schema.Tables.LEADS;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record11;
import org.jooq.Records;
import org.jooq.impl.DSL;

import com.inboop.db.InvalidRequestException;
import com.inboop.db.assignment.Assignable;
import com.inboop.db.internal.check.Arguments;
import com.inboop.db.internal.failure.DatabaseFailures;
import com.inboop.db.internal.legacy.EffectiveStatus;
import com.inboop.db.internal.list.Keyset;
import com.inboop.db.internal.list.ListShape;
import com.inboop.db.internal.sql.ContactName;
import com.inboop.db.internal.sql.UtcTime;
import com.inboop.db.list.ArchiveView;
import com.inboop.db.list.Cursors;
import com.inboop.db.list.Page;
import com.inboop.db.list.PageRequest;
import com.inboop.db.list.StatusCounts;
import com.inboop.db.schema.enums.LeadStatus;

/** A workspace's leads by status, source, assignee and archive state, newest first, and counts by status. */
public final class LeadQuery {

    /** The list's sort key: the creation time, else the epoch. The same expression as idx_leads_list (V023). */
    static final Field<LocalDateTime> CREATED_AT = DSL.coalesce(LEADS.CREATED_AT, UtcTime.EPOCH);

    private final DSLContext dsl;
    private final Cursors cursors;
    private final ListShape<Record11<Long, Long, Long, String, String, LeadStatus, String, String, Long, BigDecimal,
            LocalDateTime>, LeadRow> list;

    /** Cursors are signed with the built-in key: tamper-evident, not secret (see {@link Cursors}). */
    public LeadQuery(DSLContext dsl) {
        this(dsl, Cursors.withDefaultKey());
    }

    /** Cursors are signed with {@code cursors}' key. */
    public LeadQuery(DSLContext dsl, Cursors cursors) {
        this.dsl = DatabaseFailures.translating(dsl);
        this.cursors = Arguments.require("cursors", cursors);
        this.list = new ListShape<>("leads", LEADS, CREATED_AT, LEADS.ID, LEADS.BUSINESS_ID, LEADS.DELETED_AT,
                LEADS.ARCHIVED_AT,
                where -> this.dsl.select(LEADS.ID, LEADS.BUSINESS_ID, LEADS.CONVERSATION_ID, LEADS.CHANNEL,
                                DSL.coalesce(ContactName.of(LEADS.CONTACT_ID, LEADS.BUSINESS_ID), LEADS.CUSTOMER_NAME,
                                        LEADS.INSTAGRAM_USERNAME).as("customer"),
                                EffectiveStatus.LEAD.as("status"), LEADS.STATUS.as("legacy_status"), LEADS.SOURCE,
                                Assignable.LEAD.assignee().as("assignee"), LEADS.VALUE, Keyset.sortKey(CREATED_AT))
                        .from(LEADS)
                        .where(where),
                Records.mapping(LeadRow::new),
                row -> Cursors.Position.of(row.createdAt(), row.id()),
                ListShape.searching(LeadFilter.SEARCHED, List.of(LEADS.CUSTOMER_NAME, LEADS.NOTES)));
    }

    /**
     * One page of leads matching {@code filter}, newest first: an index range scan on idx_leads_list (a search: on
     * idx_leads_search when the term is rare), the customer's contact joined for the name shown.
     *
     * @throws InvalidRequestException for a bad id, null filter or request, or a cursor of another list or filter
     */
    public Page<LeadRow> page(long workspaceId, LeadFilter filter, PageRequest request) {
        Arguments.require("filter", filter);
        return list.page(dsl, cursors, workspaceId, filter.filtering(), request);
    }

    /** Leads per status in the workspace's active or archived leads. */
    public StatusCounts<LeadStatus> countByStatus(long workspaceId, ArchiveView view) {
        return list.count(dsl, workspaceId, view, EffectiveStatus.LEAD);
    }
}

package com.inboop.db.lead;

import static com.inboop.db.schema.Tables.LEADS;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Field;
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
import com.inboop.db.internal.statement.Column;
import com.inboop.db.internal.statement.Columns;
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
    private final ListShape<LeadRow> list;

    /** Cursors are signed with the built-in key: tamper-evident, not secret (see {@link Cursors}). */
    public LeadQuery(DSLContext dsl) {
        this(dsl, Cursors.withDefaultKey());
    }

    /** Cursors are signed with {@code cursors}' key. */
    public LeadQuery(DSLContext dsl, Cursors cursors) {
        this.dsl = DatabaseFailures.translating(dsl);
        this.cursors = Arguments.require("cursors", cursors);
        this.list = list(this.dsl);
    }

    /** The leads list: its columns, each read into {@link LeadRow} by its position. */
    private static ListShape<LeadRow> list(DSLContext dsl) {
        Columns columns = new Columns();
        Column<Long> id = columns.add(LEADS.ID);
        Column<Long> businessId = columns.add(LEADS.BUSINESS_ID);
        Column<Long> conversationId = columns.add(LEADS.CONVERSATION_ID);
        Column<String> channel = columns.add(LEADS.CHANNEL);
        Column<String> customer = columns.add(DSL.coalesce(ContactName.of(LEADS.CONTACT_ID, LEADS.BUSINESS_ID),
                LEADS.CUSTOMER_NAME, LEADS.INSTAGRAM_USERNAME).as("customer"));
        Column<LeadStatus> status = columns.add(EffectiveStatus.LEAD.as("status"));
        Column<String> legacyStatus = columns.add(LEADS.STATUS.as("legacy_status"));
        Column<String> source = columns.add(LEADS.SOURCE);
        Column<Long> assignee = columns.add(Assignable.LEAD.assignee().as("assignee"));
        Column<BigDecimal> value = columns.add(LEADS.VALUE);
        Column<LocalDateTime> createdAt = columns.add(Keyset.sortKey(CREATED_AT));
        return new ListShape<>(dsl, "leads", LEADS, CREATED_AT, LEADS.ID, LEADS.BUSINESS_ID, LEADS.DELETED_AT,
                LEADS.ARCHIVED_AT, columns,
                row -> new LeadRow(id.read(row), businessId.read(row), conversationId.read(row), channel.read(row),
                        customer.read(row), status.read(row), legacyStatus.read(row), source.read(row),
                        assignee.read(row), value.read(row), createdAt.read(row)),
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
        return list.page(cursors, workspaceId, filter.filtering(), request);
    }

    /** Leads per status in the workspace's active or archived leads. */
    public StatusCounts<LeadStatus> countByStatus(long workspaceId, ArchiveView view) {
        return list.count(workspaceId, view, EffectiveStatus.LEAD);
    }
}

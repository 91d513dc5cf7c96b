package com.inboop.db.status;

import static com.inboop.db.schema.Tables.LEADS;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record10;
import org.jooq.RecordMapper;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;

import com.inboop.db.ArchiveView;
import com.inboop.db.Arguments;
import com.inboop.db.Ids;
import com.inboop.db.InvalidRequestException;
import com.inboop.db.UtcTime;
import com.inboop.db.WorkspaceScope;
import com.inboop.db.filter.ContactName;
import com.inboop.db.assignment.Assignable;
import com.inboop.db.legacy.EffectiveStatus;
import com.inboop.db.paging.Cursors;
import com.inboop.db.paging.Keyset;
import com.inboop.db.paging.Page;
import com.inboop.db.paging.PageRequest;
import com.inboop.db.schema.enums.LeadStatus;

/** A workspace's leads by status, source, assignee and archive state, newest first, and counts by status. */
public final class LeadQuery {

    /** The list's sort key: the creation time, else the epoch. The same expression as idx_leads_list (V023). */
    static final Field<LocalDateTime> CREATED_AT = DSL.coalesce(LEADS.CREATED_AT, UtcTime.EPOCH);

    private final DSLContext dsl;
    private final Cursors cursors;

    /** Cursors are signed with the built-in key: tamper-evident, not secret (see {@link Cursors}). */
    public LeadQuery(DSLContext dsl) {
        this(dsl, Cursors.withDefaultKey());
    }

    /** Cursors are signed with {@code cursors}' key. */
    public LeadQuery(DSLContext dsl, Cursors cursors) {
        this.dsl = Arguments.requirePostgres(dsl);
        this.cursors = Arguments.require("cursors", cursors);
    }

    /**
     * One page of leads matching {@code filter}, newest first: an index range scan on idx_leads_list (a search: on
     * idx_leads_search when the term is rare), the customer's contact joined for the name shown.
     *
     * @throws InvalidRequestException for a bad id, null filter or request, or a cursor of another list or filter
     */
    public Page<LeadRow> page(long workspaceId, LeadFilter filter, PageRequest request) {
        Ids.require("workspaceId", workspaceId);
        Arguments.require("filter", filter);
        Arguments.require("request", request);
        List<Long> businesses = WorkspaceScope.businessesOf(dsl, workspaceId);
        Function<Condition, SelectConditionStep<Record10<Long, Long, String, String, LeadStatus, String, String, Long,
                BigDecimal, LocalDateTime>>> select = where -> dsl.select(LEADS.ID, LEADS.CONVERSATION_ID,
                        LEADS.CHANNEL, DSL.coalesce(ContactName.of(LEADS.CONTACT_ID, LEADS.BUSINESS_ID),
                                LEADS.CUSTOMER_NAME, LEADS.INSTAGRAM_USERNAME).as("customer"),
                        EffectiveStatus.LEAD.as("status"), LEADS.STATUS.as("legacy_status"), LEADS.SOURCE, Assignable.LEAD.assignee().as("assignee"),
                        LEADS.VALUE, Keyset.sortKey(CREATED_AT))
                .from(LEADS)
                .where(where);
        RecordMapper<Record10<Long, Long, String, String, LeadStatus, String, String, Long, BigDecimal, LocalDateTime>,
                LeadRow> toRow = r -> new LeadRow(r.value1(), r.value2(), r.value3(), r.value4(),
                        r.value5(), r.value6(), r.value7(),
                        r.value8(), r.value9(), r.value10());
        Condition listed = LEADS.DELETED_AT.isNull().and(filter.condition());
        var list = new Keyset.Listing<>(LEADS, CREATED_AT, LEADS.ID, LEADS.BUSINESS_ID, select);
        Optional<Keyset.Search> search = filter.search().isNone() ? Optional.empty()
                : Optional.of(Keyset.Search.of(filter.search().condition(LeadFilter.SEARCHED)));
        return Keyset.page(request, Keyset.scope("leads", workspaceId, filter.canonical()), cursors,
                row -> Cursors.Position.of(row.createdAt(), row.id()),
                (after, fetch) -> Keyset.rows(dsl, list, businesses, listed, search, after, fetch, toRow));
    }

    /** Leads per status in the workspace's active or archived leads. */
    public StatusCounts<LeadStatus> countByStatus(long workspaceId, ArchiveView view) {
        Ids.require("workspaceId", workspaceId);
        StatusCounting.requireView(view);
        Condition where = WorkspaceScope.businessIn(LEADS.BUSINESS_ID, WorkspaceScope.businessesOf(dsl, workspaceId))
                .and(LEADS.DELETED_AT.isNull()).and(view.condition(LEADS.ARCHIVED_AT));
        return StatusCounting.count(dsl, LEADS, EffectiveStatus.LEAD, where);
    }
}

package com.inboop.db.lead;

import static com.inboop.db.schema.Tables.LEADS;
import static com.inboop.db.schema.Tables.ORDERS;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import com.inboop.db.InvalidRequestException;
import com.inboop.db.assignment.Assignable;
import com.inboop.db.internal.check.Arguments;
import com.inboop.db.internal.check.StoredCode;
import com.inboop.db.internal.legacy.EffectiveStatus;
import com.inboop.db.internal.list.Filtering;
import com.inboop.db.internal.list.ParameterReader;
import com.inboop.db.internal.list.ParameterWriter;
import com.inboop.db.internal.sql.Literals;
import com.inboop.db.list.ArchiveView;
import com.inboop.db.list.AssigneeFilter;
import com.inboop.db.list.TextSearch;
import com.inboop.db.list.TimeRange;
import com.inboop.db.list.YesNo;
import com.inboop.db.schema.enums.LeadStatus;

/**
 * Which leads to list (domain: the three list surfaces, leads); an empty set means "any". A lead's status is its
 * typed column, else its legacy column's mapping ({@link EffectiveStatus#LEAD}); a legacy value without
 * equivalent matches only when no status is asked for. Immutable, validated on construction (null included), and
 * round-trips through query parameters; start from {@link #active()}.
 *
 * @param search    text in the customer's name or the notes
 * @param statuses  statuses to show
 * @param sources   sources to show (AI, MANUAL, as stored in leads.source)
 * @param assignee  anyone, unassigned, or one user
 * @param created   when the lead was created (UTC)
 * @param hasOrders whether an order (not deleted) names the lead
 * @param view      active, archived, or both; soft-deleted leads never
 */
public record LeadFilter(TextSearch search, Set<LeadStatus> statuses, Set<String> sources, AssigneeFilter assignee,
                         TimeRange created, YesNo hasOrders, ArchiveView view) {

    /**
     * The lead has a live order: its count (leads.order_count, V067..V069) says so, or, not counted yet (NULL), one of
     * its orders does. Written so that idx_leads_list_with_orders (V070) serves it (its predicate is the first clause)
     * and never NULL, so that NOT of it is "has no orders". The orders are probed per lead (a scalar sub-select, not
     * EXISTS, which the planner may turn into a pass over every order).
     */
    private static final Condition HAS_ORDERS = LEADS.ORDER_COUNT.gt(DSL.inline(0)).or(LEADS.ORDER_COUNT.isNull())
            .and(DSL.condition(DSL.coalesce(DSL.field(LEADS.ORDER_COUNT.gt(DSL.inline(0))),
                    DSL.field(DSL.field(DSL.select(DSL.inline(true)).from(ORDERS)
                            .where(ORDERS.LEAD_ID.eq(LEADS.ID)).and(ORDERS.DELETED_AT.isNull())
                            .limit(DSL.inline(1))).isNotNull()))));

    /**
     * The customer's name and the notes as one text, as idx_leads_search (V032) indexes it: the planner uses an
     * expression index only for the same expression.
     */
    static final Field<String> SEARCHED = DSL.field("(coalesce({0}, '') || ' ' || coalesce({1}, ''))",
            SQLDataType.VARCHAR, LEADS.CUSTOMER_NAME, LEADS.NOTES);

    private static final Set<String> PARAMETERS = ParameterReader.names("q", "match", "status", "source", "assignee",
            "created_from", "created_to", "has_orders", "view");

    public LeadFilter {
        if (search == null || statuses == null || sources == null || assignee == null || created == null
                || hasOrders == null || view == null) {
            throw new InvalidRequestException("filter", "search, statuses, sources, assignee, created, hasOrders and "
                    + "view must not be null (use TextSearch.NONE, empty sets, AssigneeFilter.ANYONE, TimeRange.ANY, "
                    + "YesNo.ANY, ArchiveView.ACTIVE for no restriction)");
        }
        if (statuses.stream().anyMatch(Objects::isNull)) {
            throw new InvalidRequestException("statuses", "must not contain null");
        }
        statuses = Collections.unmodifiableSortedSet(new TreeSet<>(statuses));
        sources = StoredCode.normalized("sources", sources);
    }

    /** All active leads. */
    public static LeadFilter active() {
        return new LeadFilter(TextSearch.NONE, Set.of(), Set.of(), AssigneeFilter.ANYONE, TimeRange.ANY, YesNo.ANY,
                ArchiveView.ACTIVE);
    }

    /**
     * {@link #fromQueryParameters(Map, long)} for a caller without a viewing user: {@code assignee=me} is refused,
     * every other parameter is read the same way.
     *
     * @throws InvalidRequestException naming the parameter that is unknown, repeated or out of range
     */
    public static LeadFilter fromQueryParameters(Map<String, List<String>> parameters) {
        return fromQueryParameters(parameters, AssigneeFilter.NO_VIEWER);
    }

    /**
     * The filter that query parameters describe: {@code q} (with {@code match=prefix}, a prefix),
     * {@code status}, {@code source}, {@code assignee}
     * ({@code anyone}, {@code unassigned}, {@code me}, a user id), {@code created_from} / {@code created_to},
     * {@code has_orders} ({@code yes}/{@code no}/{@code any}), {@code view} ({@code active}/{@code archived}/
     * {@code all}).
     *
     * @throws InvalidRequestException naming the parameter that is unknown, repeated or out of range
     */
    public static LeadFilter fromQueryParameters(Map<String, List<String>> parameters, long viewerUserId) {
        ParameterReader p = ParameterReader.read(parameters, PARAMETERS);
        return new LeadFilter(p.search("q", "match"), p.enums("status", LeadStatus.class),
                p.codes("source"), AssigneeFilter.parse("assignee", p.single("assignee", ""), viewerUserId),
                p.range("created_from", "created_to"), p.enumValue("has_orders", YesNo.class, YesNo.ANY),
                p.enumValue("view", ArchiveView.class, ArchiveView.ACTIVE));
    }

    /** The query parameters {@link #fromQueryParameters} reads back as this filter; defaults left out. */
    public Map<String, List<String>> toQueryParameters() {
        return new ParameterWriter()
                .search("q", "match", search)
                .all("status", statuses, LeadStatus::name)
                .all("source", sources, s -> s)
                .single("assignee", assignee.parameter(), AssigneeFilter.ANYONE.parameter())
                .range("created_from", "created_to", created)
                .single("has_orders", hasOrders, YesNo.ANY)
                .single("view", view, ArchiveView.ACTIVE)
                .parameters();
    }

    /** This filter with a search for rows containing {@code text} ({@link TextSearch#of}). */
    public LeadFilter withSearch(String text) {
        return new LeadFilter(TextSearch.of(text), statuses, sources, assignee, created, hasOrders, view);
    }

    /** This filter with {@code search}: a "contains" or a prefix search ({@link TextSearch#prefix}). */
    public LeadFilter withSearch(TextSearch search) {
        return new LeadFilter(search, statuses, sources, assignee, created, hasOrders, view);
    }

    public LeadFilter withStatuses(LeadStatus... values) {
        return new LeadFilter(search, Arguments.setOf("statuses", values), sources, assignee, created, hasOrders, view);
    }

    public LeadFilter withSources(String... values) {
        return new LeadFilter(search, statuses, Arguments.setOf("sources", values), assignee, created, hasOrders, view);
    }

    public LeadFilter withAssignee(AssigneeFilter value) {
        return new LeadFilter(search, statuses, sources, value, created, hasOrders, view);
    }

    public LeadFilter withCreated(TimeRange value) {
        return new LeadFilter(search, statuses, sources, assignee, value, hasOrders, view);
    }

    public LeadFilter withHasOrders(YesNo value) {
        return new LeadFilter(search, statuses, sources, assignee, created, value, view);
    }

    public LeadFilter withView(ArchiveView value) {
        return new LeadFilter(search, statuses, sources, assignee, created, hasOrders, value);
    }

    /** The SQL condition on leads, search excepted (the query's: it decides how to find the matches). */
    Condition condition() {
        return DSL.noCondition()
                .and(view.condition(LEADS.ARCHIVED_AT))
                .and(assignee.condition(Assignable.LEAD))
                .and(statuses.isEmpty() ? DSL.noCondition()
                        : Literals.in(EffectiveStatus.LEAD, statuses))
                .and(sources.isEmpty() ? DSL.noCondition() : Literals.in(LEADS.SOURCE, sources))
                .and(created.condition(LeadQuery.CREATED_AT))
                .and(hasOrders.condition(HAS_ORDERS));
    }

    /** The filter as its list pages it: condition, search, and the query parameters cursors are bound to. */
    Filtering filtering() {
        return new Filtering(this::condition, search, toQueryParameters());
    }
}

package com.inboop.db.inbox;

import static com.inboop.db.schema.Tables.CONVERSATIONS;
import static com.inboop.db.schema.Tables.LEADS;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.jooq.Condition;
import org.jooq.impl.DSL;

import com.inboop.db.InvalidRequestException;
import com.inboop.db.internal.check.Arguments;
import com.inboop.db.internal.check.StoredCode;
import com.inboop.db.internal.legacy.EffectiveStatus;
import com.inboop.db.internal.legacy.LegacyChannels;
import com.inboop.db.internal.list.Filtering;
import com.inboop.db.internal.list.ParameterReader;
import com.inboop.db.internal.list.ParameterWriter;
import com.inboop.db.internal.sql.Literals;
import com.inboop.db.list.ArchiveView;
import com.inboop.db.list.AssigneeFilter;
import com.inboop.db.list.TextSearch;
import com.inboop.db.list.YesNo;
import com.inboop.db.schema.enums.IntentLabel;
import com.inboop.db.schema.enums.LeadStatus;

/**
 * What the inbox shows (domain: the three list surfaces, inbox). Filters combine with AND; an empty set means
 * "any". Immutable: the {@code with...} methods return a new filter; start from {@link #active()}. Every argument
 * is validated on construction ({@link InvalidRequestException}, null included), before any SQL runs, and the
 * filter round-trips through query parameters ({@link #fromQueryParameters}, {@link #toQueryParameters}).
 *
 * @param search     text in the customer's name or handle or in any message, inbound or outbound
 * @param channels   channels to show (INSTAGRAM, WHATSAPP, FACEBOOK; FACEBOOK also matches the backend's MESSENGER)
 * @param intents    intent labels to show (a conversation's label is its typed column, else its legacy column's)
 * @param assignee   anyone (default), unassigned, or one user ("assigned to me" is the viewer's id)
 * @param unreadOnly only conversations with unread messages
 * @param hasNewLead whether the conversation has a NEW lead (not deleted)
 * @param hasOrders  whether the conversation has orders (its denormalized order_count)
 * @param view       active (default), archived, or both ("include archived"); soft-deleted ones never
 */
public record InboxFilter(TextSearch search, Set<String> channels, Set<IntentLabel> intents, AssigneeFilter assignee,
                          boolean unreadOnly, YesNo hasNewLead, YesNo hasOrders, ArchiveView view) {

    static final String SEARCH = "q";
    static final String MATCH = "match";
    static final String CHANNEL = "channel";
    static final String INTENT = "intent";
    static final String ASSIGNEE = "assignee";
    static final String UNREAD = "unread";
    static final String HAS_NEW_LEAD = "has_new_lead";
    static final String HAS_ORDERS = "has_orders";
    static final String VIEW = "view";
    private static final Set<String> PARAMETERS =
            ParameterReader.names(SEARCH, MATCH, CHANNEL, INTENT, ASSIGNEE, UNREAD, HAS_NEW_LEAD, HAS_ORDERS, VIEW);

    public InboxFilter {
        if (search == null || channels == null || intents == null || assignee == null || hasNewLead == null
                || hasOrders == null || view == null) {
            throw new InvalidRequestException("filter", "search, channels, intents, assignee, hasNewLead, hasOrders "
                    + "and view must not be null (use TextSearch.NONE, empty sets, AssigneeFilter.ANYONE, YesNo.ANY, "
                    + "ArchiveView.ACTIVE for no restriction)");
        }
        if (intents.stream().anyMatch(Objects::isNull)) {
            throw new InvalidRequestException("intents", "must not contain null");
        }
        intents = Collections.unmodifiableSortedSet(new TreeSet<>(intents));
        channels = StoredCode.normalized("channels", channels);
    }

    /** Every active conversation, anyone's. */
    public static InboxFilter active() {
        return new InboxFilter(TextSearch.NONE, Set.of(), Set.of(), AssigneeFilter.ANYONE, false, YesNo.ANY,
                YesNo.ANY, ArchiveView.ACTIVE);
    }

    /**
     * {@link #fromQueryParameters(Map, long)} for a caller without a viewing user: {@code assignee=me} is refused,
     * every other parameter is read the same way.
     *
     * @throws InvalidRequestException naming the parameter that is unknown, repeated or out of range
     */
    public static InboxFilter fromQueryParameters(Map<String, List<String>> parameters) {
        return fromQueryParameters(parameters, AssigneeFilter.NO_VIEWER);
    }

    /**
     * The filter that query parameters describe: {@code q} (with {@code match=prefix}, a prefix),
     * {@code channel}, {@code intent}, {@code assignee}
     * ({@code anyone}, {@code unassigned}, {@code me}, or a user id), {@code unread} ({@code true}/{@code false}),
     * {@code has_new_lead} and {@code has_orders} ({@code yes}/{@code no}/{@code any}), {@code view}
     * ({@code active}, {@code archived}, {@code all}). Absent parameters mean no restriction.
     *
     * @param viewerUserId the user looking, whom {@code assignee=me} means
     * @throws InvalidRequestException naming the parameter that is unknown, repeated or out of range
     */
    public static InboxFilter fromQueryParameters(Map<String, List<String>> parameters, long viewerUserId) {
        ParameterReader p = ParameterReader.read(parameters, PARAMETERS);
        return new InboxFilter(p.search(SEARCH, MATCH), p.codes(CHANNEL),
                p.enums(INTENT, IntentLabel.class),
                AssigneeFilter.parse(ASSIGNEE, p.single(ASSIGNEE, ""), viewerUserId), p.bool(UNREAD, false),
                p.enumValue(HAS_NEW_LEAD, YesNo.class, YesNo.ANY), p.enumValue(HAS_ORDERS, YesNo.class, YesNo.ANY),
                p.enumValue(VIEW, ArchiveView.class, ArchiveView.ACTIVE));
    }

    /** The query parameters {@link #fromQueryParameters} reads back as this filter; defaults left out. */
    public Map<String, List<String>> toQueryParameters() {
        return new ParameterWriter()
                .search(SEARCH, MATCH, search)
                .all(CHANNEL, channels, c -> c)
                .all(INTENT, intents, IntentLabel::name)
                .single(ASSIGNEE, assignee.parameter(), AssigneeFilter.ANYONE.parameter())
                .single(UNREAD, unreadOnly, false)
                .single(HAS_NEW_LEAD, hasNewLead, YesNo.ANY)
                .single(HAS_ORDERS, hasOrders, YesNo.ANY)
                .single(VIEW, view, ArchiveView.ACTIVE)
                .parameters();
    }

    /** This filter with a search for rows containing {@code text} ({@link TextSearch#of}). */
    public InboxFilter withSearch(String text) {
        return new InboxFilter(TextSearch.of(text), channels, intents, assignee, unreadOnly, hasNewLead, hasOrders,
                view);
    }

    /** This filter with {@code search}: a "contains" or a prefix search ({@link TextSearch#prefix}). */
    public InboxFilter withSearch(TextSearch search) {
        return new InboxFilter(search, channels, intents, assignee, unreadOnly, hasNewLead, hasOrders,
                view);
    }

    public InboxFilter withChannels(String... names) {
        return new InboxFilter(search, Arguments.setOf("channels", names), intents, assignee, unreadOnly, hasNewLead,
                hasOrders, view);
    }

    public InboxFilter withIntents(IntentLabel... labels) {
        return new InboxFilter(search, channels, Arguments.setOf("intents", labels), assignee, unreadOnly, hasNewLead,
                hasOrders, view);
    }

    public InboxFilter withAssignee(AssigneeFilter newAssignee) {
        return new InboxFilter(search, channels, intents, newAssignee, unreadOnly, hasNewLead, hasOrders, view);
    }

    public InboxFilter withUnreadOnly(boolean only) {
        return new InboxFilter(search, channels, intents, assignee, only, hasNewLead, hasOrders, view);
    }

    public InboxFilter withHasNewLead(YesNo value) {
        return new InboxFilter(search, channels, intents, assignee, unreadOnly, value, hasOrders, view);
    }

    public InboxFilter withHasOrders(YesNo value) {
        return new InboxFilter(search, channels, intents, assignee, unreadOnly, hasNewLead, value, view);
    }

    public InboxFilter withView(ArchiveView newView) {
        return new InboxFilter(search, channels, intents, assignee, unreadOnly, hasNewLead, hasOrders, newView);
    }

    /** The SQL condition on conversations, search excepted (the query's: it decides how to find the matches). */
    Condition condition() {
        return DSL.noCondition()
                .and(view.condition(CONVERSATIONS.ARCHIVED_AT))
                .and(assignee.condition(CONVERSATIONS.ASSIGNED_TO_USER_ID))
                .and(intents.isEmpty() ? DSL.noCondition()
                        : Literals.in(EffectiveStatus.INTENT, intents))
                .and(channels.isEmpty() ? DSL.noCondition()
                        : Literals.in(CONVERSATIONS.CHANNEL, LegacyChannels.storedNamesOf(channels)))
                .and(unreadOnly ? CONVERSATIONS.UNREAD_COUNT.gt(DSL.inline(0)) : DSL.noCondition())
                // A scalar sub-select, not EXISTS: the planner cannot estimate how many leads are NEW (the typed
                // status, else what the legacy one means) and, guessing few, turned EXISTS into one hashed pass over
                // every NEW lead of every workspace (93 ms at 1,000,000 conversations); this is always a probe of
                // the conversation's own leads (idx_leads_conversation_id), in list order.
                .and(hasNewLead.condition(DSL.field(DSL.select(DSL.inline(true)).from(LEADS)
                        .where(LEADS.CONVERSATION_ID.eq(CONVERSATIONS.ID)).and(LEADS.DELETED_AT.isNull())
                        .and(Literals.eq(EffectiveStatus.LEAD, LeadStatus.NEW)).limit(DSL.inline(1))).isNotNull()))
                .and(hasOrders.condition(DSL.coalesce(CONVERSATIONS.ORDER_COUNT, DSL.inline(0)).gt(DSL.inline(0))));
    }

    /** The filter as its list pages it: condition, search, and the query parameters cursors are bound to. */
    Filtering filtering() {
        return new Filtering(this::condition, search, toQueryParameters());
    }
}

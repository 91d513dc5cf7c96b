package com.inboop.db.status;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

import org.jooq.Condition;
import org.jooq.impl.DSL;

import com.inboop.db.ArchiveView;
import com.inboop.db.InvalidRequestException;
import com.inboop.db.assignment.AssigneeFilter;
import com.inboop.db.schema.enums.LeadStatus;

import static com.inboop.db.schema.Tables.LEADS;

/**
 * Which leads to list; an empty set means "any". A lead whose status is still NULL (not backfilled yet) matches only
 * when no status is asked for. Immutable; start from {@link #active()}.
 *
 * @param statuses statuses to show
 * @param sources  sources to show (as stored in leads.source)
 * @param assignee anyone, unassigned, or one user
 * @param view     active or archived; soft-deleted leads never
 */
public record LeadFilter(Set<LeadStatus> statuses, Set<String> sources, AssigneeFilter assignee, ArchiveView view) {

    public LeadFilter {
        if (statuses == null || sources == null || assignee == null || view == null) {
            throw new InvalidRequestException("filter", "statuses, sources, assignee and view must not be null");
        }
        if (sources.stream().anyMatch(s -> s == null || s.isBlank())) {
            throw new InvalidRequestException("sources", "must not contain blank values");
        }
        statuses = Collections.unmodifiableSortedSet(new TreeSet<>(statuses));
        sources = Collections.unmodifiableSortedSet(new TreeSet<>(sources));
    }

    /** All active leads. */
    public static LeadFilter active() {
        return new LeadFilter(Set.of(), Set.of(), AssigneeFilter.ANYONE, ArchiveView.ACTIVE);
    }

    public LeadFilter withStatuses(LeadStatus... values) {
        return new LeadFilter(Set.of(values), sources, assignee, view);
    }

    public LeadFilter withSources(String... values) {
        return new LeadFilter(statuses, Set.of(values), assignee, view);
    }

    public LeadFilter withAssignee(AssigneeFilter value) {
        return new LeadFilter(statuses, sources, value, view);
    }

    public LeadFilter withView(ArchiveView value) {
        return new LeadFilter(statuses, sources, assignee, value);
    }

    Condition condition() {
        return DSL.noCondition()
                .and(view.condition(LEADS.ARCHIVED_AT))
                .and(assignee.condition(LEADS.ASSIGNED_TO_USER_ID))
                .and(statuses.isEmpty() ? DSL.noCondition() : LEADS.STATUS.in(statuses))
                .and(sources.isEmpty() ? DSL.noCondition() : LEADS.SOURCE.in(sources));
    }

    String canonical() {
        return "statuses=" + statuses + ";sources=" + sources + ";assignee=" + assignee.canonical() + ";view=" + view;
    }
}

package com.inboop.db.status;

import static com.inboop.db.schema.Tables.LEADS;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.jooq.Condition;
import org.jooq.impl.DSL;

import com.inboop.db.ArchiveView;
import com.inboop.db.InvalidRequestException;
import com.inboop.db.StoredCode;
import com.inboop.db.assignment.Assignable;
import com.inboop.db.assignment.AssigneeFilter;
import com.inboop.db.legacy.LegacyMapping;
import com.inboop.db.schema.enums.LeadStatus;

/**
 * Which leads to list; an empty set means "any". A lead's status is its typed column, else its legacy column's
 * mapping ({@link LegacyMapping#LEAD_STATUS}); a legacy value without equivalent matches only when no status is
 * asked for. Immutable; start from {@link #active()}.
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
        if (statuses.stream().anyMatch(Objects::isNull)) {
            throw new InvalidRequestException("statuses", "must not contain null");
        }
        StoredCode.requireAll("sources", sources);
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
                .and(assignee.condition(Assignable.LEAD))
                .and(statuses.isEmpty() ? DSL.noCondition()
                        : LegacyMapping.LEAD_STATUS.isIn(LEADS.STATUS_ENUM, LEADS.STATUS, statuses))
                .and(sources.isEmpty() ? DSL.noCondition() : LEADS.SOURCE.in(sources));
    }

    String canonical() {
        return "statuses=" + statuses + ";sources=" + sources + ";assignee=" + assignee.canonical() + ";view=" + view;
    }
}

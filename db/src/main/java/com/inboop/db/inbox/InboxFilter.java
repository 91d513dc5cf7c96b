package com.inboop.db.inbox;

import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.jooq.Condition;
import org.jooq.impl.DSL;

import com.inboop.db.ArchiveView;
import com.inboop.db.InvalidRequestException;
import com.inboop.db.StoredCode;
import com.inboop.db.assignment.AssigneeFilter;
import com.inboop.db.legacy.LegacyChannels;
import com.inboop.db.legacy.LegacyMapping;
import com.inboop.db.schema.enums.IntentLabel;

import static com.inboop.db.schema.Tables.CONVERSATIONS;

/**
 * What the inbox shows. Filters combine with AND; an empty set means "any". Immutable: the {@code with...} methods
 * return a new filter. Start from {@link #active()}.
 *
 * @param assignee   anyone (default), unassigned, or one user
 * @param intents    intent labels to show, empty for all (a conversation's label is its typed column, else its
 *                   legacy column's)
 * @param channels   channels to show (INSTAGRAM, WHATSAPP, FACEBOOK; FACEBOOK also matches the backend's MESSENGER),
 *                   empty for all
 * @param unreadOnly only conversations with unread messages
 * @param view       active (default) or archived conversations; soft-deleted ones never
 */
public record InboxFilter(AssigneeFilter assignee, Set<IntentLabel> intents, Set<String> channels, boolean unreadOnly,
                          ArchiveView view) {

    public InboxFilter {
        if (assignee == null || view == null || intents == null || channels == null) {
            throw new InvalidRequestException("filter", "assignee, intents, channels and view must not be null");
        }
        StoredCode.requireAll("channels", channels);
        intents = Collections.unmodifiableSortedSet(new TreeSet<>(intents));
        channels = Collections.unmodifiableSortedSet(new TreeSet<>(channels));
    }

    /** Every active conversation, anyone's. */
    public static InboxFilter active() {
        return new InboxFilter(AssigneeFilter.ANYONE, Set.of(), Set.of(), false, ArchiveView.ACTIVE);
    }

    public InboxFilter withAssignee(AssigneeFilter newAssignee) {
        return new InboxFilter(newAssignee, intents, channels, unreadOnly, view);
    }

    public InboxFilter withIntents(IntentLabel... labels) {
        return new InboxFilter(assignee, Set.of(labels), channels, unreadOnly, view);
    }

    public InboxFilter withChannels(String... names) {
        return new InboxFilter(assignee, intents, new TreeSet<>(Arrays.asList(names)), unreadOnly, view);
    }

    public InboxFilter withUnreadOnly(boolean only) {
        return new InboxFilter(assignee, intents, channels, only, view);
    }

    public InboxFilter withView(ArchiveView newView) {
        return new InboxFilter(assignee, intents, channels, unreadOnly, newView);
    }

    /** The SQL condition on conversations (the workspace and soft-delete conditions are the query's). */
    Condition condition() {
        return DSL.noCondition()
                .and(view.condition(CONVERSATIONS.ARCHIVED_AT))
                .and(assignee.condition(CONVERSATIONS.ASSIGNED_TO_USER_ID))
                .and(intents.isEmpty() ? DSL.noCondition()
                        : LegacyMapping.INTENT_LABEL.isIn(CONVERSATIONS.INTENT_LABEL_ENUM, CONVERSATIONS.INTENT_LABEL,
                                intents))
                .and(channels.isEmpty() ? DSL.noCondition()
                        : CONVERSATIONS.CHANNEL.in(LegacyChannels.storedNamesOf(channels)))
                .and(unreadOnly ? CONVERSATIONS.UNREAD_COUNT.gt(0) : DSL.noCondition());
    }

    /** A stable text form, so that a cursor is only accepted with the filter it was issued for. */
    String canonical() {
        SortedSet<String> intentNames = new TreeSet<>();
        intents.forEach(i -> intentNames.add(i.getLiteral()));
        return "assignee=" + assignee.canonical() + ";intents=" + intentNames + ";channels=" + channels
                + ";unread=" + unreadOnly + ";view=" + view;
    }
}

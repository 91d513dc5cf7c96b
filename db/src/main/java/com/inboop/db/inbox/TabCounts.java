package com.inboop.db.inbox;

import java.util.Map;

import com.inboop.db.schema.enums.IntentLabel;

/**
 * The numbers on the inbox tabs, counted over active conversations in one round trip.
 *
 * @param active     all active conversations
 * @param unassigned active conversations nobody owns
 * @param mine       active conversations of the asking user
 * @param unread     the unread badge: active (not archived, not deleted) conversations with unread messages
 * @param byIntent   active conversations per intent label (every label present, 0 when none)
 */
public record TabCounts(long active, long unassigned, long mine, long unread, Map<IntentLabel, Long> byIntent) {

    public TabCounts {
        byIntent = Map.copyOf(byIntent);
    }
}

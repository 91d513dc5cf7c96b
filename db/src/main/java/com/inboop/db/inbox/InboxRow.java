package com.inboop.db.inbox;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import com.inboop.db.schema.enums.IntentLabel;

/**
 * One line of the inbox list. Nullable fields are null when the data is not there (yet).
 *
 * @param conversationId   the conversation
 * @param businessId       the business (the connected account) it belongs to, for a workspace of several
 * @param channel          e.g. INSTAGRAM, WHATSAPP (as stored)
 * @param customerName     the contact's display name, else the customer's name or handle from the channel
 * @param lastMessage      the first 140 characters of the newest message (conversations.last_message); null
 *                         without messages
 * @param activityAt       the last message's time, else the creation time (UTC): the inbox's sort key
 * @param unreadCount      messages the agents have not read
 * @param assignedToUserId the assignee; null when unassigned
 * @param intentLabel      the classifier's label (typed column, else the legacy one mapped); null before classification
 * @param intentConfidence the classifier's confidence in [0, 1]; null before classification
 * @param leadCount        leads from this conversation; null until counted
 * @param orderCount       orders from this conversation; null until counted
 */
public record InboxRow(long conversationId, long businessId, String channel, String customerName, String lastMessage,
                       LocalDateTime activityAt, int unreadCount, Long assignedToUserId, IntentLabel intentLabel,
                       BigDecimal intentConfidence, Integer leadCount, Integer orderCount) {
}

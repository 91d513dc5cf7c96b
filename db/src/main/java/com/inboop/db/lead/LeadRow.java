package com.inboop.db.lead;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import com.inboop.db.schema.enums.LeadStatus;

/**
 * A lead as lists show it. Nullable fields are null when not set.
 *
 * @param id               the lead
 * @param businessId       the business (the connected account) it belongs to, for a workspace of several
 * @param conversationId   where it came from, if from a conversation
 * @param channel          where the customer wrote (INSTAGRAM, WHATSAPP, MESSENGER as stored)
 * @param customerName     the contact's name, else the name or username the lead recorded
 * @param status           its status in the design's terms: the typed column, else the legacy one mapped; null
 *                         for a legacy value without equivalent (see {@code legacyStatus})
 * @param legacyStatus     leads.status exactly as stored (the backend's column)
 * @param source           AI or MANUAL, as stored
 * @param assignedToUserId its agent (assigned_to_user_id, else the backend's assigned_to); null when unassigned
 * @param value            expected value
 * @param createdAt        when it was created (UTC; the epoch if unknown): the list's sort key
 */
public record LeadRow(long id, long businessId, Long conversationId, String channel, String customerName,
                      LeadStatus status, String legacyStatus, String source, Long assignedToUserId, BigDecimal value,
                      LocalDateTime createdAt) {
}

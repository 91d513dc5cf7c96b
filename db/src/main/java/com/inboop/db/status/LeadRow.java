package com.inboop.db.status;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import com.inboop.db.schema.enums.LeadStatus;

/**
 * A lead as lists show it. Nullable fields are null when not set.
 *
 * @param id               the lead
 * @param conversationId   where it came from, if from a conversation
 * @param title            its title
 * @param status           its status; null until backfilled (legacy leads)
 * @param source           e.g. INSTAGRAM_DM, MANUAL
 * @param assignedToUserId its agent; null when unassigned
 * @param value            expected value
 * @param createdAt        when it was created: the list's sort key
 */
public record LeadRow(long id, Long conversationId, String title, LeadStatus status, String source,
                      Long assignedToUserId, BigDecimal value, OffsetDateTime createdAt) {
}

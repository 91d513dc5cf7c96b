package com.inboop.db.lead;

import java.math.BigDecimal;
import java.util.Set;

import com.inboop.db.InvalidRequestException;
import com.inboop.db.internal.check.Arguments;
import com.inboop.db.internal.check.Ids;

/**
 * A lead to open in a conversation (domain: Lead). Validated on construction.
 *
 * @param conversationId  the conversation it comes from
 * @param source          AI or MANUAL
 * @param createdByUserId the user who created it; null only for an AI lead
 * @param notes           free text (no NUL), or null
 * @param value           expected value, 0 to 99999999.99 with at most two decimals (numeric(10,2)), or null
 */
public record NewLead(long conversationId, String source, Long createdByUserId, String notes, BigDecimal value) {

    private static final Set<String> SOURCES = Set.of("AI", "MANUAL");

    public NewLead {
        Ids.require("conversationId", conversationId);
        if (source == null || !SOURCES.contains(source)) {
            throw new InvalidRequestException("source", "must be AI or MANUAL, was " + source);
        }
        if (createdByUserId == null && source.equals("MANUAL")) {
            throw new InvalidRequestException("createdByUserId", "must be given for a MANUAL lead (null only for AI)");
        }
        if (createdByUserId != null) {
            Ids.require("createdByUserId", createdByUserId);
        }
        Arguments.storableText("notes", notes);
        Arguments.money("value", value);
    }
}

package com.inboop.db.inbox;

import static com.inboop.db.schema.Tables.CONVERSATIONS;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import org.jooq.Condition;
import org.jooq.DSLContext;

import com.inboop.db.InvalidRequestException;
import com.inboop.db.NotFoundException;
import com.inboop.db.internal.check.Arguments;
import com.inboop.db.internal.check.Ids;
import com.inboop.db.internal.legacy.EffectiveStatus;
import com.inboop.db.internal.sql.UtcTime;
import com.inboop.db.internal.sql.WorkspaceScope;
import com.inboop.db.lifecycle.Transition;
import com.inboop.db.schema.enums.IntentLabel;

/**
 * Records the intent classifier's verdict on a conversation: label, confidence and evaluation time, always
 * together. An evaluation older than the one stored is ignored, so a slow classifier run never overwrites a newer
 * verdict. The label goes into both the typed column and the backend's legacy one, in the same UPDATE.
 */
public final class ConversationIntent {

    private final DSLContext dsl;

    /** Intent verdicts through {@code dsl} (dialect POSTGRES). */
    public ConversationIntent(DSLContext dsl) {
        this.dsl = Arguments.requirePostgres(dsl);
    }

    /**
     * Stores the verdict unless a newer one is stored.
     *
     * @param confidence  in [0, 1], at most four decimals (numeric(5,4))
     * @param evaluatedAt when the classifier decided, in UTC
     * @return applied if stored; otherwise not applied, with the label of the newer evaluation that is stored
     * @throws NotFoundException if the conversation is not in the workspace (or deleted)
     */
    public Transition<IntentLabel> record(long workspaceId, long conversationId, IntentLabel label, BigDecimal confidence,
                          LocalDateTime evaluatedAt) {
        Ids.require("workspaceId", workspaceId);
        Ids.require("conversationId", conversationId);
        if (label == null || evaluatedAt == null) {
            throw new InvalidRequestException(label == null ? "label" : "evaluatedAt", "must not be null");
        }
        if (confidence == null || confidence.signum() < 0 || confidence.compareTo(BigDecimal.ONE) > 0
                || confidence.stripTrailingZeros().scale() > 4) {
            throw new InvalidRequestException("confidence", "must be between 0 and 1 with at most four decimals, was "
                    + confidence);
        }
        Condition conversation = CONVERSATIONS.ID.eq(conversationId)
                .and(WorkspaceScope.ownsBusiness(workspaceId, CONVERSATIONS.BUSINESS_ID))
                .and(CONVERSATIONS.DELETED_AT.isNull());
        int updated = dsl.update(CONVERSATIONS)
                .set(CONVERSATIONS.INTENT_LABEL_ENUM, label)
                .set(CONVERSATIONS.INTENT_LABEL, label.getLiteral())
                .set(CONVERSATIONS.INTENT_CONFIDENCE, confidence)
                .set(CONVERSATIONS.INTENT_EVALUATED_AT, evaluatedAt)
                .set(CONVERSATIONS.UPDATED_AT, UtcTime.NOW)
                .where(conversation.and(CONVERSATIONS.INTENT_EVALUATED_AT.isNull()
                        .or(CONVERSATIONS.INTENT_EVALUATED_AT.le(evaluatedAt))))
                .execute();
        if (updated == 1) {
            return new Transition<>(true, label);
        }
        return new Transition<>(false, dsl.select(EffectiveStatus.INTENT).from(CONVERSATIONS).where(conversation)
                .fetchOptional()
                .orElseThrow(() -> new NotFoundException("conversation", conversationId, workspaceId))
                .value1());
    }
}

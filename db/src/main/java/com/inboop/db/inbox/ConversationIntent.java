package com.inboop.db.inbox;

import static com.inboop.db.schema.Tables.CONVERSATIONS;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.jooq.Condition;
import org.jooq.DSLContext;

import com.inboop.db.InvalidRequestException;
import com.inboop.db.NotFoundException;
import com.inboop.db.internal.check.Ids;
import com.inboop.db.internal.check.Times;
import com.inboop.db.internal.failure.DatabaseFailures;
import com.inboop.db.internal.legacy.EffectiveStatus;
import com.inboop.db.internal.sql.UtcTime;
import com.inboop.db.internal.sql.WorkspaceScope;
import com.inboop.db.lifecycle.Transition;
import com.inboop.db.schema.enums.IntentLabel;

/**
 * Records the intent classifier's verdict on a conversation: label, confidence and evaluation time, always
 * together. An evaluation not newer than the one stored is ignored, so a slow classifier run never overwrites a newer
 * verdict. The label goes into both the typed column and the backend's legacy one, in the same UPDATE.
 */
public final class ConversationIntent {

    /**
     * How far ahead of this JVM's clock an evaluation time may lie: clocks of different machines disagree, but a
     * verdict from the far future would be newer than every real one and freeze the label for good.
     */
    public static final Duration CLOCK_TOLERANCE = Duration.ofDays(1);

    private final DSLContext dsl;

    /** Intent verdicts through {@code dsl} (dialect POSTGRES). */
    public ConversationIntent(DSLContext dsl) {
        this.dsl = DatabaseFailures.translating(dsl);
    }

    /**
     * Stores the verdict if it is newer than the one stored (or none is).
     *
     * @param confidence  in [0, 1], at most four decimals (numeric(5,4))
     * @param evaluatedAt when the classifier decided, in UTC: from the year 1 to at most {@link #CLOCK_TOLERANCE}
     *                    ahead of now; kept to the microsecond, as Postgres keeps it (two verdicts within one
     *                    microsecond count as made at the same time: the one stored first stays)
     * @return applied if stored; otherwise not applied, with the label of the evaluation that is stored (as new or
     *         newer)
     * @throws NotFoundException if the conversation is not in the workspace (or deleted)
     */
    public Transition<IntentLabel> record(long workspaceId, long conversationId, IntentLabel label,
                                          BigDecimal confidence,
                          LocalDateTime evaluatedAt) {
        Ids.require("workspaceId", workspaceId);
        Ids.require("conversationId", conversationId);
        if (label == null || evaluatedAt == null) {
            throw new InvalidRequestException(label == null ? "label" : "evaluatedAt", "must not be null");
        }
        LocalDateTime latest = LocalDateTime.now(ZoneOffset.UTC).plus(CLOCK_TOLERANCE);
        if (evaluatedAt.isAfter(latest)) {
            throw new InvalidRequestException("evaluatedAt", "must not be in the future (more than "
                    + CLOCK_TOLERANCE.toHours() + " hours ahead of this clock, " + latest + " UTC), was " + evaluatedAt
                    + "; pass the time the classifier decided, in UTC");
        }
        LocalDateTime evaluated = Times.toMicros(Times.requireInRange("evaluatedAt", evaluatedAt));
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
                .set(CONVERSATIONS.INTENT_EVALUATED_AT, evaluated)
                .set(CONVERSATIONS.UPDATED_AT, UtcTime.NOW)
                .where(conversation.and(CONVERSATIONS.INTENT_EVALUATED_AT.isNull()
                        .or(CONVERSATIONS.INTENT_EVALUATED_AT.lt(evaluated))))
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

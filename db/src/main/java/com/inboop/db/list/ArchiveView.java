package com.inboop.db.list;

import java.time.LocalDateTime;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Which rows of a list to show: the active ones (the default), the archived ones, or both ("include archived").
 * Soft-deleted rows never.
 */
public enum ArchiveView {
    ACTIVE,
    ARCHIVED,
    ALL;

    /** The condition on an {@code archived_at} column. */
    public Condition condition(Field<LocalDateTime> archivedAt) {
        return switch (this) {
            case ACTIVE -> archivedAt.isNull();
            case ARCHIVED -> archivedAt.isNotNull();
            case ALL -> DSL.noCondition();
        };
    }
}

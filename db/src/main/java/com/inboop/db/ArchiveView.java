package com.inboop.db;

import java.time.LocalDateTime;

import org.jooq.Condition;
import org.jooq.Field;

/** Which rows of a list to show: the active ones (the default) or the archived ones. Soft-deleted rows never. */
public enum ArchiveView {
    ACTIVE,
    ARCHIVED;

    /** The condition on an {@code archived_at} column. */
    public Condition condition(Field<LocalDateTime> archivedAt) {
        return this == ACTIVE ? archivedAt.isNull() : archivedAt.isNotNull();
    }
}

package com.inboop.db.assignment;

import static com.inboop.db.schema.Tables.CONVERSATIONS;
import static com.inboop.db.schema.Tables.LEADS;
import static com.inboop.db.schema.Tables.ORDERS;

import java.time.LocalDateTime;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The kinds of item an agent can be assigned to, with the generated columns assignment works on. Leads carry two
 * assignee columns: the design's {@code assigned_to_user_id} and the backend's own {@code assigned_to}, which it
 * still maps; assignment writes both, and reads the design's column, else the backend's where it is still NULL.
 */
public enum Assignable {

    CONVERSATION("conversation", CONVERSATIONS, CONVERSATIONS.ID, CONVERSATIONS.BUSINESS_ID,
            CONVERSATIONS.ASSIGNED_TO_USER_ID, null, CONVERSATIONS.DELETED_AT, CONVERSATIONS.UPDATED_AT),
    LEAD("lead", LEADS, LEADS.ID, LEADS.BUSINESS_ID, LEADS.ASSIGNED_TO_USER_ID, LEADS.ASSIGNED_TO,
            LEADS.DELETED_AT, LEADS.UPDATED_AT),
    ORDER("order", ORDERS, ORDERS.ID, ORDERS.BUSINESS_ID, ORDERS.ASSIGNED_TO_USER_ID, null, ORDERS.DELETED_AT,
            ORDERS.UPDATED_AT);

    final String noun;
    final Table<?> table;
    final Field<Long> id;
    final Field<Long> businessId;
    final Field<Long> assignedTo;
    /** An older column that holds the same assignee and is written with it (leads.assigned_to), or null. */
    final Field<Long> legacyAssignedTo;
    final Field<LocalDateTime> deletedAt;
    final Field<LocalDateTime> updatedAt;

    Assignable(String noun, Table<?> table, Field<Long> id, Field<Long> businessId, Field<Long> assignedTo,
               Field<Long> legacyAssignedTo, Field<LocalDateTime> deletedAt, Field<LocalDateTime> updatedAt) {
        this.noun = noun;
        this.table = table;
        this.id = id;
        this.businessId = businessId;
        this.assignedTo = assignedTo;
        this.legacyAssignedTo = legacyAssignedTo;
        this.deletedAt = deletedAt;
        this.updatedAt = updatedAt;
    }

    /** The item's assignee: the design's column, else the backend's older one. */
    public Field<Long> assignee() {
        return legacyAssignedTo == null ? assignedTo : DSL.coalesce(assignedTo, legacyAssignedTo);
    }

    /** Nobody has the item, in any of its assignee columns. */
    public Condition unassigned() {
        return legacyAssignedTo == null ? assignedTo.isNull() : assignedTo.isNull().and(legacyAssignedTo.isNull());
    }
}

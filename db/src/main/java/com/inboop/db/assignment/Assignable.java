package com.inboop.db.assignment;

import static com.inboop.db.schema.Tables.CONVERSATIONS;
import static com.inboop.db.schema.Tables.LEADS;
import static com.inboop.db.schema.Tables.ORDERS;

import java.time.OffsetDateTime;

import org.jooq.Field;
import org.jooq.Table;

/** The kinds of item an agent can be assigned to, with the generated columns assignment works on. */
public enum Assignable {

    CONVERSATION("conversation", CONVERSATIONS, CONVERSATIONS.ID, CONVERSATIONS.WORKSPACE_ID,
            CONVERSATIONS.ASSIGNED_TO_USER_ID, CONVERSATIONS.DELETED_AT, CONVERSATIONS.UPDATED_AT),
    LEAD("lead", LEADS, LEADS.ID, LEADS.WORKSPACE_ID, LEADS.ASSIGNED_TO_USER_ID, LEADS.DELETED_AT, LEADS.UPDATED_AT),
    ORDER("order", ORDERS, ORDERS.ID, ORDERS.WORKSPACE_ID, ORDERS.ASSIGNED_TO_USER_ID, ORDERS.DELETED_AT,
            ORDERS.UPDATED_AT);

    final String noun;
    final Table<?> table;
    final Field<Long> id;
    final Field<Long> workspaceId;
    final Field<Long> assignedTo;
    final Field<OffsetDateTime> deletedAt;
    final Field<OffsetDateTime> updatedAt;

    Assignable(String noun, Table<?> table, Field<Long> id, Field<Long> workspaceId, Field<Long> assignedTo,
               Field<OffsetDateTime> deletedAt, Field<OffsetDateTime> updatedAt) {
        this.noun = noun;
        this.table = table;
        this.id = id;
        this.workspaceId = workspaceId;
        this.assignedTo = assignedTo;
        this.deletedAt = deletedAt;
        this.updatedAt = updatedAt;
    }
}

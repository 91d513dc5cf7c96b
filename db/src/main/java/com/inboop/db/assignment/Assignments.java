package com.inboop.db.assignment;

import static com.inboop.db.schema.Tables.CONVERSATIONS;
import static com.inboop.db.schema.Tables.LEADS;
import static com.inboop.db.schema.Tables.ORDERS;
import static com.inboop.db.schema.Tables.USERS;

import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import com.inboop.db.Ids;
import com.inboop.db.InvalidRequestException;
import com.inboop.db.NotFoundException;
import com.inboop.db.schema.enums.LeadStatus;
import com.inboop.db.schema.enums.OrderStatus;

/**
 * Assigns conversations, leads and orders to agents. The assignee must be a user of the item's workspace, and that
 * is checked inside the same UPDATE, so a user moved out of the workspace in between can never be assigned. Every
 * method takes the workspace and never touches another workspace's rows.
 */
public final class Assignments {

    private final DSLContext dsl;

    public Assignments(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Assigns the item to {@code userId}, whoever had it before.
     *
     * @throws NotFoundException       if the item is not in the workspace (or deleted)
     * @throws InvalidRequestException if the user is not a member of the workspace
     */
    public void assign(long workspaceId, Assignable kind, long itemId, long userId) {
        update(workspaceId, kind, itemId, userId, DSL.noCondition());
    }

    /**
     * Assigns the item to {@code userId} only if nobody has it: of several agents claiming at once, exactly one
     * wins (Postgres re-checks the condition on the row the winner changed).
     *
     * @return true if this call assigned it; false if someone (possibly the same user) already had it
     */
    public boolean claim(long workspaceId, Assignable kind, long itemId, long userId) {
        return update(workspaceId, kind, itemId, userId, kind.assignedTo.isNull());
    }

    /** Removes the assignee; false if the item was unassigned already. */
    public boolean unassign(long workspaceId, Assignable kind, long itemId) {
        Ids.require("workspaceId", workspaceId);
        Ids.require(kind.noun + "Id", itemId);
        int updated = dsl.update(kind.table)
                .set(kind.assignedTo, (Long) null)
                .set(kind.updatedAt, DSL.currentOffsetDateTime())
                .where(item(workspaceId, kind, itemId).and(kind.assignedTo.isNotNull()))
                .execute();
        if (updated == 0) {
            requireItem(workspaceId, kind, itemId);
        }
        return updated == 1;
    }

    /** Open items per agent of the workspace, every agent listed (zeros included), by user id. */
    public List<Workload> workload(long workspaceId) {
        Ids.require("workspaceId", workspaceId);
        Field<Integer> conversations = DSL.selectCount().from(CONVERSATIONS)
                .where(CONVERSATIONS.ASSIGNED_TO_USER_ID.eq(USERS.ID)
                        .and(CONVERSATIONS.WORKSPACE_ID.eq(USERS.WORKSPACE_ID))
                        .and(CONVERSATIONS.ARCHIVED_AT.isNull()).and(CONVERSATIONS.DELETED_AT.isNull()))
                .asField();
        Field<Integer> leads = DSL.selectCount().from(LEADS)
                .where(LEADS.ASSIGNED_TO_USER_ID.eq(USERS.ID).and(LEADS.WORKSPACE_ID.eq(USERS.WORKSPACE_ID))
                        .and(LEADS.ARCHIVED_AT.isNull()).and(LEADS.DELETED_AT.isNull())
                        .and(LEADS.STATUS.isNull().or(LEADS.STATUS.eq(LeadStatus.NEW))))
                .asField();
        Field<Integer> orders = DSL.selectCount().from(ORDERS)
                .where(ORDERS.ASSIGNED_TO_USER_ID.eq(USERS.ID).and(ORDERS.WORKSPACE_ID.eq(USERS.WORKSPACE_ID))
                        .and(ORDERS.ARCHIVED_AT.isNull()).and(ORDERS.DELETED_AT.isNull())
                        .and(ORDERS.STATUS.notIn(OrderStatus.DELIVERED, OrderStatus.CANCELLED)))
                .asField();
        return dsl.select(USERS.ID, conversations, leads, orders)
                .from(USERS)
                .where(USERS.WORKSPACE_ID.eq(workspaceId))
                .orderBy(USERS.ID)
                .fetch(r -> new Workload(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    private boolean update(long workspaceId, Assignable kind, long itemId, long userId, Condition onlyIf) {
        Ids.require("workspaceId", workspaceId);
        Ids.require(kind.noun + "Id", itemId);
        Ids.require("userId", userId);
        int updated = dsl.update(kind.table)
                .set(kind.assignedTo, userId)
                .set(kind.updatedAt, DSL.currentOffsetDateTime())
                .where(item(workspaceId, kind, itemId)
                        .and(onlyIf)
                        .and(DSL.exists(DSL.selectOne().from(USERS)
                                .where(USERS.ID.eq(userId).and(USERS.WORKSPACE_ID.eq(workspaceId))))))
                .execute();
        if (updated == 1) {
            return true;
        }
        // Nothing changed: find out why, for the caller's sake only; the decision was the UPDATE's.
        requireItem(workspaceId, kind, itemId);
        if (!dsl.fetchExists(USERS, USERS.ID.eq(userId).and(USERS.WORKSPACE_ID.eq(workspaceId)))) {
            throw new InvalidRequestException("userId", "user " + userId + " is not a member of workspace "
                    + workspaceId + "; only the workspace's own users can be assigned");
        }
        return false;
    }

    private static Condition item(long workspaceId, Assignable kind, long itemId) {
        return kind.id.eq(itemId).and(kind.workspaceId.eq(workspaceId)).and(kind.deletedAt.isNull());
    }

    private void requireItem(long workspaceId, Assignable kind, long itemId) {
        if (!dsl.fetchExists(kind.table, item(workspaceId, kind, itemId))) {
            throw new NotFoundException(kind.noun, itemId, workspaceId);
        }
    }
}

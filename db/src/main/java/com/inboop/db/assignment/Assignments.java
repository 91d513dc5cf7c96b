package com.inboop.db.assignment;

import static com.inboop.db.schema.Tables.CONVERSATIONS;
import static com.inboop.db.schema.Tables.LEADS;
import static com.inboop.db.schema.Tables.ORDERS;
import static com.inboop.db.schema.Tables.USERS;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import com.inboop.db.InvalidRequestException;
import com.inboop.db.NotFoundException;
import com.inboop.db.internal.check.Ids;
import com.inboop.db.internal.failure.DatabaseFailures;
import com.inboop.db.internal.legacy.EffectiveStatus;
import com.inboop.db.internal.sql.Literals;
import com.inboop.db.internal.sql.UtcTime;
import com.inboop.db.internal.sql.WorkspaceScope;
import com.inboop.db.lifecycle.Transition;
import com.inboop.db.schema.enums.LeadStatus;
import com.inboop.db.schema.enums.OrderStatus;

/**
 * Assigns conversations, leads and orders to agents. The assignee must be a member (or the owner) of the item's
 * workspace, and that is checked inside the same UPDATE, so a user removed from the workspace in between can never
 * be assigned. Every method takes the workspace and never touches another workspace's rows. A lead's assignee is
 * written to both of its assignee columns (see {@link Assignable}).
 */
public final class Assignments {

    private final DSLContext dsl;

    /** Assignments through {@code dsl} (dialect POSTGRES). */
    public Assignments(DSLContext dsl) {
        this.dsl = DatabaseFailures.translating(dsl);
    }

    /**
     * Assigns the item to {@code userId}, whoever had it before.
     *
     * @return applied, with {@code userId} as the current assignee
     * @throws NotFoundException       if the item is not in the workspace (or deleted)
     * @throws InvalidRequestException if the user is not a member of the workspace
     */
    public Transition<Long> assign(long workspaceId, Assignable kind, long itemId, long userId) {
        return update(workspaceId, kind, itemId, userId, DSL.noCondition());
    }

    /**
     * Assigns the item to {@code userId} only if nobody has it: of several agents claiming at once, exactly one
     * wins (Postgres re-checks the condition on the row the winner changed).
     *
     * @return applied if this call assigned it; otherwise not applied, with whoever has it (possibly the same user)
     * @throws NotFoundException       if the item is not in the workspace (or deleted)
     * @throws InvalidRequestException if the user is not a member of the workspace
     */
    public Transition<Long> claim(long workspaceId, Assignable kind, long itemId, long userId) {
        return update(workspaceId, kind, itemId, userId, kind.unassigned());
    }

    /**
     * Removes the assignee.
     *
     * @return applied if this call removed one; otherwise not applied, with the assignee now stored (null: the item
     *         was unassigned already)
     * @throws NotFoundException if the item is not in the workspace (or deleted)
     */
    public Transition<Long> unassign(long workspaceId, Assignable kind, long itemId) {
        Ids.require("workspaceId", workspaceId);
        requireKind(kind);
        Ids.require(kind.noun + "Id", itemId);
        int updated = dsl.update(kind.table)
                .set(assigneeColumns(kind, null))
                .set(kind.updatedAt, UtcTime.NOW)
                .where(item(workspaceId, kind, itemId).and(kind.unassigned().not()))
                .execute();
        return updated == 1 ? new Transition<>(true, null)
                : new Transition<>(false, currentAssignee(workspaceId, kind, itemId));
    }

    /** Open items per user of the workspace (members and owner), every user listed (zeros included), by user id. */
    public List<Workload> workload(long workspaceId) {
        Ids.require("workspaceId", workspaceId);
        Field<Integer> conversations = DSL.selectCount().from(CONVERSATIONS)
                .where(CONVERSATIONS.ASSIGNED_TO_USER_ID.eq(USERS.ID)
                        .and(WorkspaceScope.ownsBusiness(workspaceId, CONVERSATIONS.BUSINESS_ID))
                        .and(CONVERSATIONS.ARCHIVED_AT.isNull()).and(CONVERSATIONS.DELETED_AT.isNull()))
                .asField();
        Field<Integer> leads = DSL.selectCount().from(LEADS)
                .where(Assignable.LEAD.assignee().eq(USERS.ID)
                        .and(WorkspaceScope.ownsBusiness(workspaceId, LEADS.BUSINESS_ID))
                        .and(LEADS.ARCHIVED_AT.isNull()).and(LEADS.DELETED_AT.isNull())
                        .and(Literals.eq(EffectiveStatus.LEAD, LeadStatus.NEW)))
                .asField();
        Field<Integer> orders = DSL.selectCount().from(ORDERS)
                .where(ORDERS.ASSIGNED_TO_USER_ID.eq(USERS.ID)
                        .and(WorkspaceScope.ownsBusiness(workspaceId, ORDERS.BUSINESS_ID))
                        .and(ORDERS.ARCHIVED_AT.isNull()).and(ORDERS.DELETED_AT.isNull())
                        .and(Literals.in(EffectiveStatus.ORDER,
                                List.of(OrderStatus.NEW, OrderStatus.CONFIRMED, OrderStatus.SHIPPED))))
                .asField();
        return dsl.select(USERS.ID, conversations, leads, orders)
                .from(USERS)
                .where(WorkspaceScope.hasUser(workspaceId, USERS.ID))
                .orderBy(USERS.ID)
                .fetch(r -> new Workload(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    private Transition<Long> update(long workspaceId, Assignable kind, long itemId, long userId, Condition onlyIf) {
        Ids.require("workspaceId", workspaceId);
        requireKind(kind);
        Ids.require(kind.noun + "Id", itemId);
        Ids.require("userId", userId);
        int updated = dsl.update(kind.table)
                .set(assigneeColumns(kind, userId))
                .set(kind.updatedAt, UtcTime.NOW)
                .where(item(workspaceId, kind, itemId)
                        .and(onlyIf)
                        .and(WorkspaceScope.hasUser(workspaceId, DSL.val(userId))))
                .execute();
        if (updated == 1) {
            return new Transition<>(true, userId);
        }
        // Nothing changed: find out why, for the caller's sake only; the decision was the UPDATE's.
        Long current = currentAssignee(workspaceId, kind, itemId);
        WorkspaceScope.requireUser(dsl, workspaceId, "userId", userId, "assigned");
        return new Transition<>(false, current);
    }

    /** The assignee columns of {@code kind} set to {@code userId} (null to unassign). */
    private static Map<Field<?>, Object> assigneeColumns(Assignable kind, Long userId) {
        Map<Field<?>, Object> values = new HashMap<>();
        values.put(kind.assignedTo, userId);
        if (kind.legacyAssignedTo != null) {
            values.put(kind.legacyAssignedTo, userId);
        }
        return values;
    }

    private static void requireKind(Assignable kind) {
        if (kind == null) {
            throw new InvalidRequestException("kind", "must be one of CONVERSATION, LEAD, ORDER, was null");
        }
    }

    private static Condition item(long workspaceId, Assignable kind, long itemId) {
        return kind.id.eq(itemId).and(WorkspaceScope.ownsBusiness(workspaceId, kind.businessId))
                .and(kind.deletedAt.isNull());
    }

    /** The item's assignee now (null for none). */
    private Long currentAssignee(long workspaceId, Assignable kind, long itemId) {
        return dsl.select(kind.assignee()).from(kind.table).where(item(workspaceId, kind, itemId))
                .fetchOptional()
                .orElseThrow(() -> new NotFoundException(kind.noun, itemId, workspaceId))
                .value1();
    }
}

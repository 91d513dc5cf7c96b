package com.inboop.db.internal.sql;

import static com.inboop.db.schema.Tables.BUSINESSES;
import static com.inboop.db.schema.Tables.USERS;
import static com.inboop.db.schema.Tables.WORKSPACES;
import static com.inboop.db.schema.Tables.WORKSPACE_MEMBERS;

import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import com.inboop.db.InvalidRequestException;
import com.inboop.db.internal.check.Ids;

/**
 * How a workspace's rows are found in Inboop's schema. Production scopes every row by {@code business_id}, and
 * {@code businesses.workspace_id} ties a business to at most one workspace, so a workspace's rows are the rows of
 * its businesses; its users are its members and its owner.
 *
 * <p>Lists resolve the businesses first ({@link #businessesOf}, one lookup on {@code idx_businesses_workspace}) and
 * then filter with the ids as values: for the common workspace of one business that is {@code business_id = ?},
 * which the list indexes (leading {@code business_id}) answer with a range scan and no sort. Writes use
 * {@link #ownsBusiness}, a sub-select evaluated inside the same statement, so that a business moved to another
 * workspace meanwhile can never be written through the old one.
 */
public final class WorkspaceScope {

    private WorkspaceScope() {
    }

    /** The ids of the workspace's businesses, ascending; empty for an unknown workspace. */
    public static List<Long> businessesOf(DSLContext dsl, long workspaceId) {
        Ids.require("workspaceId", workspaceId);
        return dsl.fetchValues(businessLookup(DSL.val(workspaceId)));
    }

    /** The ids of the workspace {@code workspaceId} names (a value, or a placeholder to bind later), ascending. */
    public static Select<Record1<Long>> businessLookup(Field<Long> workspaceId) {
        return DSL.select(BUSINESSES.ID).from(BUSINESSES).where(BUSINESSES.WORKSPACE_ID.eq(workspaceId))
                .orderBy(BUSINESSES.ID);
    }

    /**
     * {@code businessId} is one of {@code businesses} (false for none), the ids written into the SQL as literals.
     * A bind value would leave a generic plan (the driver's from a statement's sixth execution on) to guess a
     * business's size from the table's average; a large workspace's list would then be sorted instead of read in
     * index order. With the literal, the planner sees the business's own row count, and the statement is still
     * prepared once per workspace and connection.
     */
    public static Condition businessIn(Field<Long> businessId, List<Long> businesses) {
        if (businesses.isEmpty()) {
            return DSL.falseCondition();
        }
        return businesses.size() == 1 ? businessId.eq(DSL.inline(businesses.get(0)))
                : businessId.in(businesses.stream().map(DSL::inline).toList());
    }

    /**
     * {@link #businessIn} with each id written as a {@code bigint} literal, for a search through a GIN index that holds
     * the business beside the text (V058..V062): btree_gin's operator classes have no cross-type operators, so an
     * {@code integer} literal (as an id is written otherwise) would leave the business out of the index condition and
     * the index would find every workspace's matches.
     */
    public static Condition businessKeyIn(Field<Long> businessId, List<Long> businesses) {
        if (businesses.isEmpty()) {
            return DSL.falseCondition();
        }
        List<Field<Long>> keys = businesses.stream().map(id -> DSL.inline(id).cast(SQLDataType.BIGINT)).toList();
        return keys.size() == 1 ? businessId.eq(keys.get(0)) : businessId.in(keys);
    }

    /**
     * One condition per business ({@code businessId = literal}), for lists that read each business's page on its own
     * index range ({@code Keyset.page}, merged by a UNION ALL); {@code [false]} for a workspace without businesses.
     */
    public static List<Condition> eachBusiness(Field<Long> businessId, List<Long> businesses) {
        return businesses.isEmpty() ? List.of(DSL.falseCondition())
                : businesses.stream().map(id -> businessId.eq(DSL.inline(id))).toList();
    }

    /** {@code businessId} belongs to the workspace, checked inside the statement that uses it. */
    public static Condition ownsBusiness(long workspaceId, Field<Long> businessId) {
        return businessId.in(DSL.select(BUSINESSES.ID).from(BUSINESSES).where(BUSINESSES.WORKSPACE_ID.eq(workspaceId)));
    }

    /** {@code userId} is a user of the workspace ({@link #users}). */
    public static Condition hasUser(long workspaceId, Field<Long> userId) {
        return userId.in(users(workspaceId));
    }

    /** Whether {@code userId} is a user of the workspace ({@link #users}), in one query. */
    public static boolean isUser(DSLContext dsl, long workspaceId, long userId) {
        return dsl.fetchExists(DSL.selectOne().where(hasUser(workspaceId, DSL.val(userId))));
    }

    /**
     * Checks that {@code userId} is a user of the workspace, in one query.
     *
     * @param argument the caller's name for the user ({@code actorUserId}, {@code createdByUserId}, ...)
     * @param role     what the user would be, for the message ("recorded as the actor", "assigned")
     * @throws InvalidRequestException naming {@code argument} if not: a user of another workspace, or none at all
     */
    public static void requireUser(DSLContext dsl, long workspaceId, String argument, long userId, String role) {
        if (!isUser(dsl, workspaceId, userId)) {
            throw new InvalidRequestException(argument, "user " + userId + " is not a member of workspace "
                    + workspaceId + "; only the workspace's own users can be " + role);
        }
    }

    /** The workspace's users: its members and its owner, not deleted. */
    public static Select<Record1<Long>> users(long workspaceId) {
        return DSL.select(USERS.ID).from(USERS).where(USERS.DELETED_AT.isNull().and(USERS.ID.in(
                DSL.select(WORKSPACE_MEMBERS.USER_ID).from(WORKSPACE_MEMBERS)
                        .where(WORKSPACE_MEMBERS.WORKSPACE_ID.eq(workspaceId))
                        .union(DSL.select(WORKSPACES.OWNER_ID).from(WORKSPACES).where(WORKSPACES.ID.eq(workspaceId))))));
    }
}

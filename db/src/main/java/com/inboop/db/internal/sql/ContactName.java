package com.inboop.db.internal.sql;

import static com.inboop.db.schema.Tables.CONTACTS;

import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The name of the contact a list row points to, as a scalar sub-select rather than a join: Postgres evaluates it
 * only for the rows the page returns (one primary-key lookup each), and it leaves the list query a query on one
 * table, whose plan is the ordered index scan whatever the planner estimates (a join invites a hash join and a
 * sort of every row after the cursor).
 */
public final class ContactName {

    private ContactName() {
    }

    /** The contact's name, only if the contact belongs to the same business as the row. */
    public static Field<String> of(Field<Long> contactId, Field<Long> businessId) {
        return DSL.field(DSL.select(CONTACTS.NAME).from(CONTACTS)
                .where(CONTACTS.ID.eq(contactId)).and(CONTACTS.BUSINESS_ID.eq(businessId)));
    }
}

package com.inboop.db.internal.legacy;

import static com.inboop.db.schema.Tables.CONVERSATIONS;
import static com.inboop.db.schema.Tables.LEADS;
import static com.inboop.db.schema.Tables.ORDERS;

import org.jooq.Field;
import org.jooq.impl.DSL;

import com.inboop.db.legacy.LegacyMapping;
import com.inboop.db.schema.enums.IntentLabel;
import com.inboop.db.schema.enums.LeadStatus;
import com.inboop.db.schema.enums.OrderStatus;
import com.inboop.db.schema.enums.PaymentStatus;

/**
 * The status a row has, as SQL: its typed column, else what its legacy column means ({@link LegacyMapping}'s SQL
 * functions). Every row any writer touched since migrations V041 to V043 has the two in agreement (their triggers see
 * to it); a row nobody wrote since still has its typed column NULL until a backfill job reaches it, and is read
 * through its legacy column meanwhile, so no job has to run before the lists are right.
 *
 * <p>These are the very expressions the list indexes hold (V044 to V046): the planner uses an expression index only
 * for the same expression, so every query filters, sorts and counts on these fields and nothing else.
 */
public final class EffectiveStatus {

    /** A lead's status (idx_leads_list_status, V044). */
    public static final Field<LeadStatus> LEAD = DSL.coalesce(LEADS.STATUS_ENUM,
            LegacyMapping.LEAD_STATUS.sql(LEADS.STATUS));

    /** An order's fulfilment status (idx_orders_list_status, V045). */
    public static final Field<OrderStatus> ORDER = DSL.coalesce(ORDERS.STATUS_ENUM,
            LegacyMapping.ORDER_STATUS.sql(ORDERS.STATUS));

    /** An order's payment status (idx_orders_list_payment_status, V046). */
    public static final Field<PaymentStatus> PAYMENT = DSL.coalesce(ORDERS.PAYMENT_STATUS_ENUM,
            LegacyMapping.PAYMENT_STATUS.sql(ORDERS.PAYMENT_STATUS, ORDERS.STATUS));

    /** A conversation's intent label (in idx_conversations_tab_counts' columns, V036). */
    public static final Field<IntentLabel> INTENT = DSL.coalesce(CONVERSATIONS.INTENT_LABEL_ENUM,
            LegacyMapping.INTENT_LABEL.sql(CONVERSATIONS.INTENT_LABEL));

    private EffectiveStatus() {
    }
}

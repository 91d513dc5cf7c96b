/** Leads and orders by status (order and payment status independent), counts by status, lead status changes and intent updates. */
package com.inboop.db.status;

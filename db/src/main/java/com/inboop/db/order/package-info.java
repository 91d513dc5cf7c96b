/** The orders list (filters, pages, counts by fulfilment and payment status) and the order lifecycle: creating an order and changing its fulfilment and payment status. */
package com.inboop.db.order;

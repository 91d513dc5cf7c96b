/** The leads list (filters, pages, counts by status) and the lead lifecycle: creating a lead and changing its status. */
package com.inboop.db.lead;

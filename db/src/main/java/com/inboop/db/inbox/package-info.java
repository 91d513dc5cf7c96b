/** The inbox: a workspace's conversations, most recent activity first, with filters, tab counts and archiving. */
package com.inboop.db.inbox;

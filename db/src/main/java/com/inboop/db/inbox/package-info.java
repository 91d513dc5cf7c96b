/** The inbox: a workspace's conversations, most recent activity first, with search, filters, tab counts, the unread badge and archiving. */
package com.inboop.db.inbox;

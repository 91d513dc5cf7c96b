/** Keyset pagination shared by the list queries: page requests, pages, and opaque cursors bound to one workspace and filter. */
package com.inboop.db.paging;

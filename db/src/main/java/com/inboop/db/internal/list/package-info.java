/** Private API (no compatibility guarantees): keyset paging of every list, described once per list and paged, searched and cursor-bound by one piece of code. */
package com.inboop.db.internal.list;

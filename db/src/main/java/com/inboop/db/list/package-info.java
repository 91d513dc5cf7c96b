/** What the three lists share: page requests, pages and their signed cursors, the filters' building blocks, counts by status, and filters as query parameters. */
package com.inboop.db.list;

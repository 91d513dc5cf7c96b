package com.inboop.db.plans;

import com.inboop.db.list.Page;
import com.inboop.db.list.PageRequest;

/** A list's page method (InboxQuery::page, LeadQuery::page, OrderQuery::page), for tests that go over every list. */
interface ListPage<F> {

    Page<?> page(long workspaceId, F filter, PageRequest request);
}

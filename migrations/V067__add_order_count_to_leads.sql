-- leads.order_count: how many live (not deleted) orders name the lead, for the leads list's "has orders" filter.
-- Read through the list's own order, that filter cost what lay between matches: the last page of "has orders" read
-- every lead after the last one with an order (65 ms over 100,000 leads). With the count on the lead, V070's
-- partial index holds the leads that have orders (or are not counted yet) in list order.
-- NULL means "not counted yet" (leads from before V069's trigger, until the lead-order-counts job counts them): the
-- query layer then looks at the orders themselves. V068 gives new leads 0; V069 keeps the count under every writer.
-- Nullable, without a default: a catalog change only, and no existing lead claims a count it does not have.

ALTER TABLE leads ADD COLUMN IF NOT EXISTS order_count integer;

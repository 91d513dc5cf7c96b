-- A lead inserted from now on has no order (an order names its lead through a foreign key, so the lead exists
-- first): its order_count (V067) starts at 0, set by the column's default, since the backend's INSERT does not name
-- the column. Leads inserted before keep NULL ("not counted yet") until the lead-order-counts job counts them.
-- A default for future rows only: a catalog change.

ALTER TABLE leads ALTER COLUMN order_count SET DEFAULT 0;

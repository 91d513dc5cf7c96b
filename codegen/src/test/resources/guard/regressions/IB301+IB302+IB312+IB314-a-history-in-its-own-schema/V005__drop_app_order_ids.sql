DROP VIEW app.order_ids;

ALTER TABLE app.orders DROP COLUMN note;

-- orders: the columns the backend's Hibernate added in production (idempotency_key, is_converting_order), taken
-- over by a migration so that every database has them. Nullable, with Hibernate's types.

ALTER TABLE orders
    ADD COLUMN IF NOT EXISTS idempotency_key     varchar(255),
    ADD COLUMN IF NOT EXISTS is_converting_order boolean;

-- leads: the conversion columns the backend's Hibernate added in production (converted_at, converted_order_id,
-- converted_order_number), taken over by a migration so that every database has them. Nullable, with Hibernate's
-- types (timestamp(6)); converted_order_id stays a plain bigint as Hibernate made it (no foreign key: the backend
-- maps it as a number, and an order it names may be deleted by the backend's own retention rules).

ALTER TABLE leads
    ADD COLUMN IF NOT EXISTS converted_at           timestamp(6),
    ADD COLUMN IF NOT EXISTS converted_order_id     bigint,
    ADD COLUMN IF NOT EXISTS converted_order_number varchar(255);

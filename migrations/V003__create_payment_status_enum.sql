-- payment_status: whether the seller has been paid for an order, independent of order_status (design: Orders).
-- Values, from how sellers who sell through DMs get paid:
--   UNPAID              nothing received yet; also every cash-on-delivery order until the courier collects
--   PENDING             the buyer says they paid (bank transfer, payment link, wallet screenshot) and the seller
--                       has not confirmed the money arrived: the most common state to chase in a DM inbox
--   PARTIALLY_PAID      a deposit or advance received, the rest due (usual for made-to-order and COD-risk orders)
--   PAID                received in full and confirmed
--   FAILED              a payment attempt (card, link, wallet) failed; the order may still be paid another way
--   REFUNDED            all money returned (cancellation or return)
--   PARTIALLY_REFUNDED  part returned (one item of several returned, goodwill credit)
--
-- Append-only: values are never renamed, removed or reordered; a new value goes at the end with
-- ALTER TYPE payment_status ADD VALUE in a migration of its own.
--
-- Postgres has no CREATE TYPE IF NOT EXISTS: the block creates the type only where it is missing, so a database
-- where it was already created by hand still migrates. (Whether such a type has the same values is for the
-- alignment report to say, not for this migration to change.)
-- inboop:approve IB206 guarded CREATE TYPE: Postgres has no CREATE TYPE IF NOT EXISTS
DO $$
BEGIN
    IF to_regtype('public.payment_status') IS NULL THEN
        CREATE TYPE public.payment_status AS ENUM (
            'UNPAID',
            'PENDING',
            'PARTIALLY_PAID',
            'PAID',
            'FAILED',
            'REFUNDED',
            'PARTIALLY_REFUNDED'
        );
    END IF;
END
$$;

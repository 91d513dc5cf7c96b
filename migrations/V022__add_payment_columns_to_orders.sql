-- orders.payment_status, payment_method: how the order is paid (design: Orders). Independent of orders.status:
-- an order can be SHIPPED and UNPAID (cash on delivery) or PAID and CANCELLED (refund due). payment_method is e.g.
-- 'CASH_ON_DELIVERY', 'BANK_TRANSFER', 'PAYMENT_LINK', 'CARD', 'WALLET' (text: methods differ by market).
-- Nullable, no default: a catalog-only change, no table rewrite; the ACCESS EXCLUSIVE lock lasts milliseconds.

ALTER TABLE orders
    ADD COLUMN IF NOT EXISTS payment_status payment_status,
    ADD COLUMN IF NOT EXISTS payment_method text;

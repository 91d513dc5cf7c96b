-- orders.channel: the channel the order came through, copied from its conversation so order lists filter by
-- channel without a join (design: Orders, "channel (denormalized)"). Same values as conversations.channel.
-- Nullable, no default: a catalog-only change, no table rewrite; the ACCESS EXCLUSIVE lock lasts milliseconds.

ALTER TABLE orders
    ADD COLUMN IF NOT EXISTS channel text;

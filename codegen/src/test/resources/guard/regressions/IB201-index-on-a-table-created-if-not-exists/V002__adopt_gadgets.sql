-- Where gadgets existed already, with rows, this index blocks its writes while it builds.
CREATE TABLE IF NOT EXISTS gadgets (
    id   bigint PRIMARY KEY,
    code text
);
CREATE INDEX gadgets_code_idx ON gadgets (code);

-- inboop:approve IB206
ALTER TABLE widgets ADD COLUMN notes text;

-- inboop:approve IB999 because I said so
ALTER TABLE widgets ADD COLUMN notes text;

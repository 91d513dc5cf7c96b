-- inboop:approve IB206 there used to be a DO block here
ALTER TABLE widgets ADD COLUMN notes text;

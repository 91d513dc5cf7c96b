-- inboop:approve IB302 size was never written; approved in INB-43
ALTER TABLE widgets DROP COLUMN size;

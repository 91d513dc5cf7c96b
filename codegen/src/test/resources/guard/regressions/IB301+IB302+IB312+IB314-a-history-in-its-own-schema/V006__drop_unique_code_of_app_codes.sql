ALTER TABLE app.codes DROP CONSTRAINT codes_code_key;

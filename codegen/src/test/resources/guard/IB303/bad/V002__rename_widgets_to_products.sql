ALTER TABLE widgets RENAME TO products;

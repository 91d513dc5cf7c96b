ALTER TABLE parts RENAME TO pieces;

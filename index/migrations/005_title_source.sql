-- Schema 4 -> 5: where a document's title came from (see `documents` in index/schema.sql).
ALTER TABLE documents ADD COLUMN title_source VARCHAR;

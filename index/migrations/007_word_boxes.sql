-- Schema 6 -> 7: word boxes (see `pages` in index/schema.sql), derived by extraction. The extract
-- stage's version changed with them, so the next `casefile process` re-extracts every document
-- and fills them in.
ALTER TABLE pages ADD COLUMN boxes BLOB;

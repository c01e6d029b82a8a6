-- Schema 2 -> 3: casefile's own search index (search_chunks, search_postings, search_vectors,
-- search_cells in index/schema.sql) replaces the fts extension's index, which cannot be updated.
-- The new tables are created by schema.sql and filled by the next `casefile process`.
DROP SCHEMA IF EXISTS fts_main_chunks CASCADE;

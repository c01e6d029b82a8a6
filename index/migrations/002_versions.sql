-- Schema 1 -> 2: document versions and removals (see `documents` in index/schema.sql).
ALTER TABLE documents ADD COLUMN supersedes VARCHAR;
ALTER TABLE documents ADD COLUMN removed_at TIMESTAMPTZ;
-- and what extraction knows about each page (see `pages`).
ALTER TABLE pages ADD COLUMN skip JSON;
ALTER TABLE pages ADD COLUMN ocr_confidence DOUBLE;
ALTER TABLE pages ADD COLUMN label VARCHAR;

-- Schema 3 -> 4: the timeline becomes a table (schema.sql: `timeline_entries` defines it), refreshed
-- by the case-wide steps; the store fills it right after this upgrade (index/timeline.py).
DROP VIEW IF EXISTS timeline;
